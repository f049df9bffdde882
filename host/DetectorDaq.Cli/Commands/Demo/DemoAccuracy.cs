using DetectorDaq.Calibration.Constants;
using DetectorDaq.Files;
using DetectorDaq.Frames;
using DetectorDaq.Hil.Recordings;
using PureHDF;

namespace DetectorDaq.Cli.Commands.Demo;

/// <summary>
/// How close the demo's calibrated projections come to the truth: the transmission the recording puts
/// on the inputs, (P − D̄) / (F̄ − D̄) of the input currents, on every good pixel of every complete projection.
/// </summary>
/// <param name="Pixels">Pixel values compared.</param>
/// <param name="BadChannels">Channels the constants mark bad (interpolated, not compared).</param>
/// <param name="Median">Median absolute error, transmission units.</param>
/// <param name="Percentile99">99th percentile of the absolute error.</param>
/// <param name="Maximum">Largest absolute error.</param>
internal sealed record DemoAccuracy(long Pixels, int BadChannels, double Median, double Percentile99, double Maximum)
{
    public static DemoAccuracy Measure(string path, Recording scan, DetectorGeometry geometry, IReadOnlyList<CalibrationConstants> constants)
    {
        using var file = H5File.OpenRead(path);
        var detector = file.Group(NexusPaths.Detector.TrimStart('/'));
        var keys = detector.Dataset("image_key").Read<int[]>();
        var complete = detector.Dataset("frame_complete").Read<byte[]>();
        var calibrated = file.Dataset("entry/calibrated/data").Read<float[]>();
        var good = GoodPixels(geometry, constants);
        var dark = DemoCalibration.MeanInput(scan, ImageKey.Dark);
        var flat = DemoCalibration.MeanInput(scan, ImageKey.Flat);
        var errors = new List<double>();
        for (var frame = 0; frame < keys.Length; frame++)
        {
            if (keys[frame] != (int)ImageKey.Projection || complete[frame] == 0)
            {
                continue;
            }

            var input = scan.SampleValues(scan.SampleAt(frame, RecordingEnd.Clamp));
            for (var pixel = 0; pixel < geometry.PixelCount; pixel++)
            {
                if (good[pixel])
                {
                    var ideal = (input[pixel] - dark[pixel]) / (flat[pixel] - dark[pixel]);
                    errors.Add(Math.Abs(calibrated[((long)frame * geometry.PixelCount) + pixel] - ideal));
                }
            }
        }

        errors.Sort();
        double At(double quantile) => errors.Count == 0 ? double.NaN : errors[(int)Math.Min(errors.Count - 1, Math.Floor(quantile * errors.Count))];
        return new DemoAccuracy(errors.Count, good.Count(pixel => !pixel), At(0.5), At(0.99), errors.Count == 0 ? double.NaN : errors[^1]);
    }

    private static bool[] GoodPixels(DetectorGeometry geometry, IReadOnlyList<CalibrationConstants> constants)
    {
        var good = new bool[geometry.PixelCount];
        for (var m = 0; m < geometry.Modules.Count; m++)
        {
            var module = geometry.Modules[m];
            for (var channel = 0; channel < module.ChannelCount; channel++)
            {
                good[module.PixelIndex(channel, geometry.Columns)] = ((BadChannelFlags)constants[m].BadChannels[channel] & ~BadChannelFlags.Interpolated) == BadChannelFlags.None;
            }
        }

        return good;
    }
}
