namespace DetectorDaq.Receiver.Tests;

/// <summary>Keeps a copy of every module frame it is given.</summary>
internal sealed class FrameCollector : IModuleFrameSink
{
    public List<(ulong FrameNumber, bool Complete, int PacketsReceived, int[] Samples)> Frames { get; } = [];

    public void Accept(ModuleFrame frame) => Frames.Add((frame.FrameNumber, frame.Complete, frame.PacketsReceived, frame.Samples.ToArray()));
}
