namespace DetectorDaq.Receiver;

/// <summary>Takes the module frames a receiver assembles, in frame-number order per module.</summary>
public interface IModuleFrameSink
{
    /// <summary>
    /// Takes one frame. Called on the receive thread; the frame is reused after the call returns, so copy
    /// what you keep and return quickly (a slow sink makes the socket buffer overflow).
    /// </summary>
    void Accept(ModuleFrame frame);
}
