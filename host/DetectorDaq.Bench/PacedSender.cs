using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace DetectorDaq.Bench;

/// <summary>
/// Sends frames of synthetic module streams over UDP, each module to its own endpoint, frame after frame, in
/// bursts of one frame of every module followed by a busy wait until the frame's slot at
/// <paramref name="framesPerSecond"/> (0: as fast as the socket takes them).
/// </summary>
internal sealed class PacedSender(IReadOnlyList<SyntheticModuleStream> streams, IReadOnlyList<IPEndPoint> targets, double framesPerSecond)
{
    /// <summary>Sends frames 0..<paramref name="frameCount"/>−1; returns the datagrams sent.</summary>
    public long Send(long frameCount)
    {
        var sockets = targets.Select(target =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { SendBufferSize = 4 * 1024 * 1024 };
            socket.Connect(target);
            return socket;
        }).ToArray();
        try
        {
            var buffer = new byte[streams.Max(stream => stream.MaxDatagramBytes)];
            var ticksPerFrame = framesPerSecond > 0 ? Stopwatch.Frequency / framesPerSecond : 0;
            var start = Stopwatch.GetTimestamp();
            long sent = 0;
            for (long frame = 0; frame < frameCount; frame++)
            {
                for (var m = 0; m < streams.Count; m++)
                {
                    for (var packet = 0; packet < streams[m].PacketsPerFrame; packet++)
                    {
                        var length = streams[m].Stamp((ulong)frame, packet, buffer);
                        sockets[m].Send(buffer.AsSpan(0, length));
                        sent++;
                    }
                }

                if (ticksPerFrame > 0)
                {
                    var due = start + (long)((frame + 1) * ticksPerFrame);
                    while (Stopwatch.GetTimestamp() < due)
                    {
                        Thread.SpinWait(20);
                    }
                }
            }

            return sent;
        }
        finally
        {
            foreach (var socket in sockets)
            {
                socket.Dispose();
            }
        }
    }
}
