namespace DetectorDaq.Bench;

/// <summary>UDP ingest over loopback: the real receiver against a bare socket loop at the same sender pace.</summary>
public sealed record IngestResult
{
    /// <summary>Datagram size, bytes.</summary>
    public int DatagramBytes { get; init; }

    /// <summary>Datagrams sent per run.</summary>
    public long Datagrams { get; init; }

    /// <summary>Sender pace, frames per second; 0 means unpaced (the bare loop lost nothing at full speed).</summary>
    public double SenderFramesPerS { get; init; }

    /// <summary>ModuleReceiver with frame assembly, bytes received per second.</summary>
    public double BytesPerS { get; init; }

    /// <summary>Bare socket receive loop, bytes received per second.</summary>
    public double BaselineBytesPerS { get; init; }

    /// <summary><see cref="BytesPerS"/> / <see cref="BaselineBytesPerS"/> (goal ≥ 0.8).</summary>
    public double RatioToBaseline { get; init; }

    /// <summary>Share of the datagrams sent that ModuleReceiver never received, 0..1.</summary>
    public double LossFraction { get; init; }

    /// <summary>Share the bare loop never received, 0..1.</summary>
    public double BaselineLossFraction { get; init; }

    /// <summary>Module frames the receiver handed to its sink.</summary>
    public long FramesAssembled { get; init; }
}
