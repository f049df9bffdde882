using System.Diagnostics;
using DetectorDaq.Frames;

namespace DetectorDaq.Files.Tests;

public class NexusWriterMemoryTests
{
    [Test]
    public void Writing2000Frames_KeepsManagedMemoryBounded_AndReportsThroughput()
    {
        var geometry = DetectorGeometry.ColumnStrips(64, 64, 4);
        var path = Path.Combine(TestPaths.NewScratchFolder(), "long.nxs");
        const int Frames = 2000;
        var frame = new DetectorFrame(geometry) { Complete = true };
        long heapAfterWarmUp = 0;
        long heapPeak = 0;
        var clock = Stopwatch.StartNew();
        using (var writer = new NexusWriter(path, geometry, new NexusWriterOptions { ExpectedFrames = Frames }))
        {
            for (var number = 0; number < Frames; number++)
            {
                frame.FrameNumber = (ulong)number;
                frame.Codes[number % frame.Codes.Length] = number;
                writer.Write(frame);
                if (number == 100)
                {
                    heapAfterWarmUp = GC.GetTotalMemory(forceFullCollection: true);
                }
                else if (number % 250 == 0 && number > 100)
                {
                    heapPeak = Math.Max(heapPeak, GC.GetTotalMemory(forceFullCollection: true));
                }
            }
        }

        clock.Stop();
        var megabytes = Frames * geometry.PixelCount * 4 / 1e6;
        TestContext.Out.WriteLine($"NexusWriter: {Frames} frames of 64x64 in {clock.Elapsed.TotalMilliseconds:F0} ms = {Frames / clock.Elapsed.TotalSeconds:F0} frames/s, {megabytes / clock.Elapsed.TotalSeconds:F1} MB/s raw");
        TestContext.Out.WriteLine($"heap after 100 frames {heapAfterWarmUp / 1024} KiB, peak later {heapPeak / 1024} KiB; all raw data {megabytes:F1} MB");
        Assert.That(heapPeak - heapAfterWarmUp, Is.LessThan(8 * 1024 * 1024), "heap grew with the frames written: the writer keeps frames in memory");
        Assert.That(new FileInfo(path).Length, Is.GreaterThan(Frames * geometry.PixelCount * 4L));
    }
}
