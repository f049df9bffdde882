namespace DetectorDaq.Receiver.Aggregation;

/// <summary>What a <see cref="DetectorFrameAssembler"/> noticed about one module's frame sequence.</summary>
public enum ModuleEventKind
{
    /// <summary>A detector frame left without this module because the others were already the lag limit ahead.</summary>
    Lagging = 0,

    /// <summary>The module delivered a frame in time again after <see cref="Lagging"/>.</summary>
    CaughtUp = 1,

    /// <summary>The module's frame numbers jumped forward; <see cref="ModuleEvent.Count"/> numbers were skipped.</summary>
    Skipped = 2,

    /// <summary>The module's frame numbers went back (controller restart); its frames were realigned.</summary>
    Restarted = 3,
}
