namespace DetectorDaq.Frames;

/// <summary>
/// One detector frame: raw codes of every pixel, row-major, plus what is known about how complete it
/// is. Instances come from a <see cref="FramePool"/> and are reused: a sink that keeps data beyond
/// <see cref="IFrameSink.Write"/> copies it.
/// </summary>
public sealed class DetectorFrame
{
    /// <summary>Creates an empty frame for <paramref name="geometry"/>.</summary>
    public DetectorFrame(DetectorGeometry geometry)
    {
        Geometry = geometry;
        Codes = new int[geometry.PixelCount];
    }

    /// <summary>Geometry of the image.</summary>
    public DetectorGeometry Geometry { get; }

    /// <summary>Frame number, counted from 0 at the start of a run.</summary>
    public ulong FrameNumber { get; set; }

    /// <summary>Controller clock at the end of integration, ns (first module that delivered).</summary>
    public ulong TimestampNanoseconds { get; set; }

    /// <summary>Dark, flat or projection.</summary>
    public ImageKey ImageKey { get; set; }

    /// <summary>True when every packet of every module arrived.</summary>
    public bool Complete { get; set; }

    /// <summary>Bit m set when module index m (position in <see cref="DetectorGeometry.Modules"/>) delivered all its packets.</summary>
    public ulong CompleteModules { get; set; }

    /// <summary>True when the data came from integrator side B (dual-integrator chips): the side of the first module that delivered.</summary>
    public bool IntegratorSideB { get; set; }

    /// <summary>
    /// Bit m set when module index m (position in <see cref="DetectorGeometry.Modules"/>) delivered data of
    /// integrator side B. Modules normally convert in step; after a controller restart one may not, and its
    /// own side is what its calibration needs.
    /// </summary>
    public ulong SideBModules { get; set; }

    /// <summary>Raw codes, row-major [rows × columns]; pixels of missing packets hold 0.</summary>
    public int[] Codes { get; }

    /// <summary>Clears the metadata and codes for reuse.</summary>
    public void Reset()
    {
        FrameNumber = 0;
        TimestampNanoseconds = 0;
        ImageKey = ImageKey.Projection;
        Complete = false;
        CompleteModules = 0;
        IntegratorSideB = false;
        SideBModules = 0;
        Array.Clear(Codes);
    }
}
