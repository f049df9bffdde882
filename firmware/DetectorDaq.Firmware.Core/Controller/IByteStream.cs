namespace DetectorDaq.Firmware.Controller
{
    /// <summary>One control connection (a TCP socket on every platform).</summary>
    public interface IByteStream
    {
        /// <summary>Reads up to <paramref name="count"/> bytes; 0 when the peer closed the connection.</summary>
        int Read(byte[] buffer, int offset, int count);

        /// <summary>Writes all <paramref name="count"/> bytes.</summary>
        void Write(byte[] buffer, int offset, int count);
    }
}
