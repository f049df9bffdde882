using DetectorDaq.Firmware.Hardware;

namespace DetectorDaq.Firmware.Controller
{
    /// <summary>Opens the data link (a UDP socket) to the destination a Configure command names.</summary>
    public interface IDataLinkFactory
    {
        /// <summary>
        /// A transport sending to <paramref name="address"/> (IPv4, dotted order) port <paramref name="port"/>.
        /// The previous transport, if any, is closed by the factory.
        /// </summary>
        IPacketTransport Open(byte[] address, int port);
    }
}
