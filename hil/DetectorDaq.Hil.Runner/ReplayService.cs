using DetectorDaq.Acquisition;
using DetectorDaq.Firmware.Interfaces;
using DetectorDaq.Frames;
using DetectorDaq.Hil.Controller;
using DetectorDaq.Hil.Recordings;

namespace DetectorDaq.Hil.Runner;

/// <summary>
/// Plays a recording through simulated controllers — the real firmware core on virtual chips, ideal
/// unless <see cref="ReplayRequest.Ddc264Models"/> says otherwise — over loopback TCP/UDP into the
/// real host acquisition, which writes the NeXus file with darks, flats and projections keyed as in
/// the recording. Ideal chips preserve the recording up to quantisation. Voltage recordings play at
/// the ADS131M08's own rate (4 kSPS), not the recorded one.
/// </summary>
public static class ReplayService
{
    /// <summary>Replays <paramref name="request"/>; returns what the host received.</summary>
    /// <exception cref="ArgumentException">The recording does not fit the module split.</exception>
    /// <exception cref="AcquisitionException">The acquisition could not start.</exception>
    public static AcquisitionSummary Run(ReplayRequest request, CancellationToken cancellationToken = default)
    {
        var recording = request.Recording;
        var (geometry, chips) = ReplayTopology.Plan(recording, request.Modules);
        var controllers = new List<SimulatedController>();
        try
        {
            for (var i = 0; i < geometry.Modules.Count; i++)
            {
                var controllerOptions = ControllerOptions(recording, geometry.Modules[i], chips);
                if (request.Ddc264Models is not null && recording.Kind == RecordingKind.Current)
                {
                    controllerOptions = controllerOptions with { Ddc264Model = request.Ddc264Models(i) };
                }

                controllers.Add(new SimulatedController(controllerOptions));
            }

            request.Prepared?.Invoke(controllers);
            var topology = ReplayTopology.Build(recording, geometry, chips, controllers.Select(c => c.ControlEndpoint.Port).ToArray());
            var keys = recording.ImageKeys ?? Enumerable.Repeat(ImageKey.Projection, recording.SampleCount).ToArray();
            var plan = new AcquisitionPlan(keys, recording.SamplePeriodNanoseconds);
            var options = request.Acquisition with
            {
                Encoding = recording.Kind == RecordingKind.Voltage ? SampleEncoding.Signed24 : request.Acquisition.Encoding,
                FlatField = request.Acquisition.FlatField && recording.ImageKeys is not null,
                Constants = request.Constants?.Invoke(topology) ?? request.Acquisition.Constants,
                Started = () =>
                {
                    request.Acquisition.Started?.Invoke();
                    request.Started?.Invoke(controllers);
                },
            };
            return AcquisitionSession.Run(topology, plan, options, cancellationToken);
        }
        finally
        {
            controllers.ForEach(controller => controller.Dispose());
        }
    }

    private static SimulatedControllerOptions ControllerOptions(Recording recording, ModuleGeometry module, int chips) =>
        recording.Kind == RecordingKind.Voltage
            ? new SimulatedControllerOptions(Ddc264Chips: 0, SerialNumber: $"REPLAY-{module.ModuleId}") { Ads131m08Signal = RecordingSignals.Voltage(recording, module.FirstColumn, 8, RecordingEnd.Clamp) }
            : new SimulatedControllerOptions(Ddc264Chips: chips, SerialNumber: $"REPLAY-{module.ModuleId}") { Ddc264Signal = RecordingSignals.Current(recording, module, RecordingEnd.Clamp) };
}
