using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using DetectorDaq.Hil.Scenarios;

namespace DetectorDaq.Scenarios.Tests;

/// <summary>A sender and a receiver on loopback with a proxy between them; datagrams carry their sequence number in bytes 0..3.</summary>
internal sealed class LoopbackHarness : IDisposable
{
    public const int DatagramBytes = 100;

    private readonly Socket _receiver;
    private readonly Socket _sender;

    public LoopbackHarness(ProxyImpairments impairments)
    {
        _receiver = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveBufferSize = 4 * 1024 * 1024 };
        _receiver.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        Proxy = new UdpImpairmentProxy((IPEndPoint)_receiver.LocalEndPoint!, impairments);
        _sender = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    }

    public UdpImpairmentProxy Proxy { get; }

    public static byte[] Datagram(int sequence, int length = DatagramBytes)
    {
        var datagram = new byte[length];
        for (var index = 0; index < length; index++)
        {
            datagram[index] = (byte)(index * 7 + sequence);
        }

        BinaryPrimitives.WriteInt32LittleEndian(datagram, sequence);
        return datagram;
    }

    public void Send(int first, int count)
    {
        for (var sequence = first; sequence < first + count; sequence++)
        {
            _sender.SendTo(Datagram(sequence), Proxy.LocalEndPoint);
            if (sequence % 50 == 49)
            {
                // Paces the burst so no kernel buffer on loopback overflows: the test counts must be exact.
                Thread.Sleep(1);
            }
        }
    }

    /// <summary>Waits until the proxy has received <paramref name="expected"/> datagrams and holds none back.</summary>
    public ProxyCounters WaitUntilSettled(long expected)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            var counters = Proxy.Counters;
            if (counters.Received == expected && counters.Held == 0)
            {
                Thread.Sleep(20);
                return Proxy.Counters;
            }

            Thread.Sleep(5);
        }

        Assert.Fail($"proxy did not settle: {Proxy.Counters}");
        return default;
    }

    /// <summary>Everything the receiver got, in arrival order, until it has been quiet for 200 ms.</summary>
    public List<byte[]> ReceiveAll()
    {
        var received = new List<byte[]>();
        var buffer = new byte[65536];
        while (_receiver.Poll(200_000, SelectMode.SelectRead))
        {
            var length = _receiver.Receive(buffer);
            received.Add(buffer.AsSpan(0, length).ToArray());
        }

        return received;
    }

    public static int SequenceOf(byte[] datagram) => BinaryPrimitives.ReadInt32LittleEndian(datagram);

    public void Dispose()
    {
        Proxy.Dispose();
        _sender.Dispose();
        _receiver.Dispose();
    }
}
