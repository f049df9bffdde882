using System.Net;
using DetectorDaq.Firmware.Controller;
using DetectorDaq.Firmware.Hardware;

namespace DetectorDaq.Firmware.Board.Esp32
{
    /// <summary>Opens the UDP data link a Configure command names; closes the previous one first.</summary>
    public sealed class NanoDataLinkFactory : IDataLinkFactory
    {
        private NanoUdpTransport _current;

        /// <inheritdoc/>
        public IPacketTransport Open(byte[] address, int port)
        {
            if (_current != null)
            {
                _current.Dispose();
            }

            // IPAddress(long) takes the address in network order packed little-endian: a.b.c.d → d<<24|c<<16|b<<8|a.
            long packed = address[0] | (address[1] << 8) | (address[2] << 16) | ((long)address[3] << 24);
            _current = new NanoUdpTransport(new IPAddress(packed), port);
            return _current;
        }
    }
}
