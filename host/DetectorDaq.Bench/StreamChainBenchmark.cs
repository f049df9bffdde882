using DetectorDaq.Calibration;
using DetectorDaq.Calibration.Chain;
using DetectorDaq.Calibration.Constants;
using DetectorDaq.Frames;

namespace DetectorDaq.Bench;

/// <summary>
/// The whole calibration chain in the acquisition stream (<see cref="StreamingCalibration"/>: per module and
/// side offset, order-2 nonlinearity, gain, bad-channel interpolation, two-term lag, flat normalisation)
/// against the plain flat-field the stream runs without constants (<see cref="StreamingFlatField"/>), on
/// the same projections of a detector of four 1024-channel DDC264 modules, one core.
/// </summary>
internal static class StreamChainBenchmark
{
    public const int Modules = 4;
    public const int ModuleChannels = 1024;
    public const int Frames = 64;

    public static StreamChainResult Run(bool quick, Action<string>? progress)
    {
        var repeats = quick ? 3 : 7;
        var seconds = quick ? 0.05 : 0.25;
        var random = new Random(21);
        var geometry = DetectorGeometry.ColumnStrips(1, Modules * ModuleChannels, Modules);
        var constants = geometry.Modules.ToDictionary(module => module.ModuleId, module => Constants(random, $"BENCH-{module.ModuleId}"));
        var projections = Enumerable.Range(0, Frames).Select(i => Frame(geometry, random, ImageKey.Projection, i % 2 == 1)).ToArray();
        var flat = Frame(geometry, random, ImageKey.Flat, sideB: false);
        var output = new float[geometry.PixelCount];

        progress?.Invoke("stream chain: full chain and flat-field");
        var chain = new StreamingCalibration(geometry, constants);
        chain.Process(flat, output);
        var flatField = new StreamingFlatField(geometry.PixelCount);
        flatField.Process(Frame(geometry, random, ImageKey.Dark, sideB: false), output, minusLog: false);
        flatField.Process(flat, output, minusLog: false);
        var samplesPerCall = (double)Frames * geometry.PixelCount;
        var chainRate = Measurement.MedianRate(() => Array.ForEach(projections, frame => chain.Process(frame, output)), samplesPerCall, repeats, seconds);
        var flatFieldRate = Measurement.MedianRate(() => Array.ForEach(projections, frame => flatField.Process(frame, output, minusLog: false)), samplesPerCall, repeats, seconds);
        return new StreamChainResult
        {
            Channels = geometry.PixelCount,
            Modules = Modules,
            SamplesPerS = chainRate,
            FlatFieldSamplesPerS = flatFieldRate,
            RatioToFlatField = chainRate / flatFieldRate,
        };
    }

    /// <summary>Constants of a 1 × 1024 module, both sides: realistic offsets, gains near one, a slight bow, one bad channel in 97, two lag terms.</summary>
    private static CalibrationConstants Constants(Random random, string serial)
    {
        const int sides = 2;
        var perSide = ModuleChannels * sides;
        float[] Around(double centre, double spread) => Enumerable.Range(0, perSide).Select(_ => (float)(centre + ((random.NextDouble() - 0.5) * spread))).ToArray();
        var nonlinearity = new float[perSide * 3];
        for (var i = 0; i < perSide; i++)
        {
            nonlinearity[(i * 3) + 1] = 1;
            nonlinearity[(i * 3) + 2] = (float)(1e-8 * random.NextDouble());
        }

        return new CalibrationConstants
        {
            ModuleSerial = serial,
            Conditions = new CalibrationConditions(30, 100_000, "150pC"),
            ValidFrom = DateTimeOffset.UnixEpoch,
            Station = "bench",
            SoftwareVersion = "bench",
            Rows = 1,
            Columns = ModuleChannels,
            Sides = sides,
            Offset = Around(4000, 400),
            Noise = Around(6, 1),
            Gain = Around(1, 0.1),
            Nonlinearity = nonlinearity,
            NonlinearityOrder = 2,
            BadChannels = Enumerable.Range(0, ModuleChannels).Select(channel => channel % 97 == 13 ? (uint)BadChannelFlags.Dead : 0u).ToArray(),
            LagAmplitudes = [0.01f, 0.002f],
            LagRates = [0.5f, 0.05f],
        };
    }

    private static DetectorFrame Frame(DetectorGeometry geometry, Random random, ImageKey key, bool sideB)
    {
        var frame = new DetectorFrame(geometry) { ImageKey = key, Complete = true, CompleteModules = (1UL << Modules) - 1, IntegratorSideB = sideB, SideBModules = sideB ? (1UL << Modules) - 1 : 0 };
        for (var i = 0; i < frame.Codes.Length; i++)
        {
            frame.Codes[i] = 4000 + random.Next(key == ImageKey.Dark ? 10 : 600_000);
        }

        return frame;
    }
}
