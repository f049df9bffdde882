namespace DetectorDaq.Firmware.Hardware
{
    /// <summary>Sends data packets (UDP datagrams) to the host.</summary>
    public interface IPacketTransport
    {
        /// <summary>Sends one datagram made of <paramref name="count"/> bytes of <paramref name="buffer"/> from <paramref name="offset"/>.</summary>
        void Send(byte[] buffer, int offset, int count);
    }
}
