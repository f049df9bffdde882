using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace DetectorDaq.Hil.Scenarios;

/// <summary>
/// A UDP forwarder on loopback that damages the traffic between a (simulated) controller and the host receiver the
/// way a bad network would: loss, duplicates, reordering, single-bit corruption and stalls, decided by
/// <see cref="ImpairmentDice"/> so that a run is repeatable. Its <see cref="Counters"/> say exactly what it did, so a
/// scenario can compare the losses the receiver reports with the losses injected.
/// </summary>
/// <remarks>
/// One dedicated thread receives with <see cref="Socket.Receive(Span{byte})"/> and sends with
/// <see cref="Socket.SendTo(ReadOnlySpan{byte}, SocketFlags, SocketAddress)"/>; datagrams are held in a fixed ring of
/// <see cref="ProxyImpairments.SlotCount"/> buffers, so nothing is allocated per datagram and memory is bounded.
/// Datagrams are sent from the listening socket, so the target sees the proxy's port as their source.
/// </remarks>
public sealed class UdpImpairmentProxy : IDisposable
{
    private const int PollMicroseconds = 2_000;

    private readonly ProxyImpairments _impairments;
    private readonly ImpairmentDice _dice;
    private readonly Socket _socket;
    private readonly SocketAddress _targetAddress;
    private readonly Thread _thread;
    private readonly long _holdTimeoutTicks;

    private readonly byte[] _receiveBuffer;
    private readonly byte[][] _slots;
    private readonly int[] _slotLengths;
    private readonly int[] _freeSlots;
    private int _freeCount;

    // Held-back (reorder) datagrams in arrival order: slot, datagrams still to overtake it, whether to send it twice.
    private readonly int[] _reorderSlots;
    private readonly int[] _reorderCountdowns;
    private readonly bool[] _reorderDuplicates;
    private int _reorderCount;

    // Stalled datagrams, a FIFO ring of slots.
    private readonly int[] _stallSlots;
    private int _stallHead;
    private int _stallCount;

    private readonly Lock _stallLock = new();
    private bool _stallRequested;
    private long _stallDeadline;
    private StallRelease _stallRelease;
    private bool _stallActive;

    private long _received;
    private long _forwarded;
    private long _dropped;
    private long _duplicated;
    private long _reordered;
    private long _corrupted;
    private long _stalled;
    private long _stallDropped;
    private long _overflowDropped;
    private long _held;

    private volatile bool _stopping;
    private long _lastReceiveTimestamp;

    /// <summary>
    /// Starts forwarding datagrams that arrive on loopback port <paramref name="listenPort"/> (0: any free port, see
    /// <see cref="LocalEndPoint"/>) to <paramref name="target"/>, damaged as <paramref name="impairments"/> says.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An impairment is out of range.</exception>
    /// <exception cref="SocketException">The port cannot be bound.</exception>
    public UdpImpairmentProxy(IPEndPoint target, ProxyImpairments impairments, int listenPort = 0)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(impairments);
        _impairments = impairments;
        _dice = new ImpairmentDice(impairments);
        Target = target;
        _targetAddress = target.Serialize();
        _holdTimeoutTicks = (long)(impairments.HoldTimeout.TotalSeconds * Stopwatch.Frequency);

        _receiveBuffer = new byte[impairments.MaxDatagramBytes];
        _slots = new byte[impairments.SlotCount][];
        _slotLengths = new int[impairments.SlotCount];
        _freeSlots = new int[impairments.SlotCount];
        for (var slot = 0; slot < _slots.Length; slot++)
        {
            _slots[slot] = new byte[impairments.MaxDatagramBytes];
            _freeSlots[slot] = _slots.Length - 1 - slot;
        }

        _freeCount = _slots.Length;
        _reorderSlots = new int[impairments.SlotCount];
        _reorderCountdowns = new int[impairments.SlotCount];
        _reorderDuplicates = new bool[impairments.SlotCount];
        _stallSlots = new int[impairments.SlotCount];

        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            // A large kernel buffer absorbs bursts while the thread is busy sending held datagrams.
            _socket.ReceiveBufferSize = 4 * 1024 * 1024;
            _socket.Bind(new IPEndPoint(IPAddress.Loopback, listenPort));
        }
        catch
        {
            _socket.Dispose();
            throw;
        }

        LocalEndPoint = (IPEndPoint)_socket.LocalEndPoint!;
        _lastReceiveTimestamp = Stopwatch.GetTimestamp();
        _thread = new Thread(Run) { IsBackground = true, Name = $"UdpImpairmentProxy :{LocalEndPoint.Port}" };
        _thread.Start();
    }

    /// <summary>Where the proxy listens: send the traffic to be damaged here.</summary>
    public IPEndPoint LocalEndPoint { get; }

    /// <summary>Where the proxy forwards to.</summary>
    public IPEndPoint Target { get; }

    /// <summary>What the proxy has done so far; read field by field, so exact only once traffic has stopped.</summary>
    public ProxyCounters Counters => new(
        Interlocked.Read(ref _received),
        Interlocked.Read(ref _forwarded),
        Interlocked.Read(ref _dropped),
        Interlocked.Read(ref _duplicated),
        Interlocked.Read(ref _reordered),
        Interlocked.Read(ref _corrupted),
        Interlocked.Read(ref _stalled),
        Interlocked.Read(ref _stallDropped),
        Interlocked.Read(ref _overflowDropped),
        Interlocked.Read(ref _held));

    /// <summary>
    /// Holds every datagram that arrives from now on for <paramref name="duration"/>, then sends or discards them as
    /// <paramref name="release"/> says. At most <see cref="ProxyImpairments.SlotCount"/> datagrams are held; later ones
    /// are discarded and counted in <see cref="ProxyCounters.OverflowDropped"/>. A new stall replaces a running one.
    /// The end is checked every 2 ms.
    /// </summary>
    public void Stall(TimeSpan duration, StallRelease release)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        ObjectDisposedException.ThrowIf(_stopping, this);
        lock (_stallLock)
        {
            _stallRequested = true;
            _stallDeadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
            _stallRelease = release;
        }
    }

    /// <summary>Ends a running stall now, releasing as its <see cref="StallRelease"/> says; no effect without one.</summary>
    public void EndStall()
    {
        lock (_stallLock)
        {
            _stallDeadline = Stopwatch.GetTimestamp();
        }
    }

    /// <summary>Stops forwarding and closes the socket. Datagrams still held are neither sent nor counted as lost.</summary>
    public void Dispose()
    {
        if (_stopping)
        {
            return;
        }

        _stopping = true;
        _thread.Join();
        _socket.Dispose();
    }

    private void Run()
    {
        while (!_stopping)
        {
            var now = Stopwatch.GetTimestamp();
            UpdateStall(now);
            bool readable;
            try
            {
                readable = _socket.Poll(PollMicroseconds, SelectMode.SelectRead);
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            if (!readable)
            {
                if (_reorderCount > 0 && Stopwatch.GetTimestamp() - _lastReceiveTimestamp >= _holdTimeoutTicks)
                {
                    ReleaseReordered(_reorderCount);
                }

                continue;
            }

            int length;
            try
            {
                length = _socket.Receive(_receiveBuffer);
            }
            catch (SocketException)
            {
                // ICMP port-unreachable from an earlier send to a closed target surfaces here on some systems.
                continue;
            }

            _lastReceiveTimestamp = Stopwatch.GetTimestamp();
            Interlocked.Increment(ref _received);
            if (_stallActive)
            {
                HoldStalled(length);
                continue;
            }

            Forward(_receiveBuffer, length, slot: -1);
        }
    }

    private void UpdateStall(long now)
    {
        bool end = false;
        StallRelease release;
        lock (_stallLock)
        {
            if (_stallRequested)
            {
                _stallRequested = false;
                _stallActive = true;
            }

            if (_stallActive && now >= _stallDeadline)
            {
                _stallActive = false;
                end = true;
            }

            release = _stallRelease;
        }

        if (end)
        {
            EmptyStallQueue(release);
        }
    }

    private void HoldStalled(int length)
    {
        Interlocked.Increment(ref _stalled);
        if (_freeCount == 0 && _reorderCount > 0)
        {
            ReleaseReordered(1);
        }

        if (_freeCount == 0)
        {
            Interlocked.Increment(ref _overflowDropped);
            return;
        }

        var slot = TakeSlot(length);
        _stallSlots[(_stallHead + _stallCount) % _stallSlots.Length] = slot;
        _stallCount++;
        Interlocked.Increment(ref _held);
    }

    private void EmptyStallQueue(StallRelease release)
    {
        while (_stallCount > 0)
        {
            var slot = _stallSlots[_stallHead];
            _stallHead = (_stallHead + 1) % _stallSlots.Length;
            _stallCount--;
            Interlocked.Decrement(ref _held);
            if (release == StallRelease.Drop)
            {
                Interlocked.Increment(ref _stallDropped);
                FreeSlot(slot);
            }
            else
            {
                Forward(_slots[slot], _slotLengths[slot], slot);
            }
        }
    }

    /// <summary>Applies the dice to one datagram in <paramref name="buffer"/>, which is ring slot <paramref name="slot"/> or −1.</summary>
    private void Forward(byte[] buffer, int length, int slot)
    {
        if (length == 0)
        {
            // An empty datagram has no bit to flip; it is passed through untouched.
            Send(buffer, 0, duplicate: false);
            ReleaseSlotIfAny(slot);
            return;
        }

        var decision = _dice.Next(length);
        if (decision.Drop)
        {
            Interlocked.Increment(ref _dropped);
            ReleaseSlotIfAny(slot);
            return;
        }

        if (decision.CorruptBit >= 0)
        {
            buffer[decision.CorruptBit >> 3] ^= (byte)(1 << (decision.CorruptBit & 7));
            Interlocked.Increment(ref _corrupted);
        }

        if (decision.Reorder)
        {
            HoldForReorder(length, slot, decision.Duplicate);
            return;
        }

        Send(buffer, length, decision.Duplicate);
        ReleaseSlotIfAny(slot);
        CountDownReordered();
    }

    private void HoldForReorder(int length, int slot, bool duplicate)
    {
        if (slot < 0)
        {
            if (_freeCount == 0)
            {
                ReleaseReordered(1);
            }

            // Without a slot the datagram is still in the receive buffer.
            slot = TakeSlot(length);
        }

        _reorderSlots[_reorderCount] = slot;
        _reorderCountdowns[_reorderCount] = _impairments.ReorderDistance;
        _reorderDuplicates[_reorderCount] = duplicate;
        _reorderCount++;
        Interlocked.Increment(ref _held);
    }

    private void CountDownReordered()
    {
        var due = 0;
        for (var index = 0; index < _reorderCount; index++)
        {
            if (--_reorderCountdowns[index] <= 0)
            {
                due = index + 1;
            }
        }

        // Countdowns fall in arrival order, so the due ones are a prefix.
        ReleaseReordered(due);
    }

    /// <summary>Sends the <paramref name="count"/> oldest held-back datagrams, oldest first.</summary>
    private void ReleaseReordered(int count)
    {
        for (var index = 0; index < count; index++)
        {
            var slot = _reorderSlots[index];
            Send(_slots[slot], _slotLengths[slot], _reorderDuplicates[index]);
            if (_reorderCountdowns[index] < _impairments.ReorderDistance)
            {
                Interlocked.Increment(ref _reordered);
            }

            FreeSlot(slot);
            Interlocked.Decrement(ref _held);
        }

        var remaining = _reorderCount - count;
        Array.Copy(_reorderSlots, count, _reorderSlots, 0, remaining);
        Array.Copy(_reorderCountdowns, count, _reorderCountdowns, 0, remaining);
        Array.Copy(_reorderDuplicates, count, _reorderDuplicates, 0, remaining);
        _reorderCount = remaining;
    }

    private void Send(byte[] buffer, int length, bool duplicate)
    {
        SendOnce(buffer, length);
        Interlocked.Increment(ref _forwarded);
        if (duplicate)
        {
            SendOnce(buffer, length);
            Interlocked.Increment(ref _duplicated);
        }
    }

    private void SendOnce(byte[] buffer, int length)
    {
        try
        {
            _socket.SendTo(buffer.AsSpan(0, length), SocketFlags.None, _targetAddress);
        }
        catch (SocketException)
        {
            // A target that is not listening (yet) loses the datagram, as the network would; the proxy keeps going.
        }
    }

    private int TakeSlot(int length)
    {
        var slot = _freeSlots[--_freeCount];
        _slotLengths[slot] = length;
        _receiveBuffer.AsSpan(0, length).CopyTo(_slots[slot]);
        return slot;
    }

    private void FreeSlot(int slot) => _freeSlots[_freeCount++] = slot;

    private void ReleaseSlotIfAny(int slot)
    {
        if (slot >= 0)
        {
            FreeSlot(slot);
        }
    }
}
