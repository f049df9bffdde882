using System.Net;
using DetectorDaq.Calibration.Chain;
using DetectorDaq.Calibration.Constants;
using DetectorDaq.Firmware.Interfaces;
using DetectorDaq.Receiver;

namespace DetectorDaq.Acquisition;

/// <summary>Where an acquisition goes and how it is carried.</summary>
public sealed record AcquisitionOptions
{
    /// <summary>NeXus file to write.</summary>
    public required string OutputPath { get; init; }

    /// <summary>ZeroMQ PUB address for the live stream (tcp://HOST:PORT), or null for none.</summary>
    public string? StreamUrl { get; init; }

    /// <summary>
    /// Time between binding the live stream and starting the run, so subscribers that connect as the
    /// stream appears (ZeroMQ's slow joiners) see the first frame.
    /// </summary>
    public TimeSpan StreamWarmUp { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Flat-field projections in the stream with the run's darks and flats (into /entry/calibrated/data); ignored when <see cref="Constants"/> are given.</summary>
    public bool FlatField { get; init; } = true;

    /// <summary>
    /// Calibration constants per module id: projections go through the full calibration chain in the
    /// stream (<see cref="StreamingCalibration"/>) into /entry/calibrated/data; null for none.
    /// </summary>
    public IReadOnlyDictionary<int, CalibrationConstants>? Constants { get; init; }

    /// <summary>Write −ln of the flat-fielded projections.</summary>
    public bool MinusLog { get; init; }

    /// <summary>MTU of the path from the controllers, bytes.</summary>
    public ushort Mtu { get; init; } = 9000;

    /// <summary>Sample encoding of the data packets.</summary>
    public SampleEncoding Encoding { get; init; } = SampleEncoding.Packed20;

    /// <summary>What becomes of frames with missing packets.</summary>
    public FrameDiscardPolicy DiscardPolicy { get; init; } = FrameDiscardPolicy.KeepPartial;

    /// <summary>How long the run may deliver no new frame before it is declared stalled.</summary>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Seconds to wait for a controller to answer.</summary>
    public TimeSpan ControlTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Where controller <c>moduleId</c> sends its data, given the receiver's endpoint; by default the
    /// receiver itself. Scenarios route data through impairment proxies with it.
    /// </summary>
    public Func<int, IPEndPoint, IPEndPoint>? DataRoute { get; init; }

    /// <summary>Progress as frames are written.</summary>
    public IProgress<AcquisitionProgress>? Progress { get; init; }

    /// <summary>Called once every controller streams, for fault injection while the run goes on.</summary>
    public Action? Started { get; init; }
}
