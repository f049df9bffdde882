using DetectorDaq.Calibration.Kernels;
using DetectorDaq.Firmware.Interfaces;
using DetectorDaq.Receiver.FastPath;
using System.Diagnostics;
using DetectorDaq.Firmware.Framing;

namespace DetectorDaq.Receiver;

/// <summary>
/// Turns one module's datagrams into module frames, with no socket: <see cref="ModuleReceiver"/> feeds it from
/// its receive thread and tests feed it directly. Frames leave in frame-number order: a complete frame waits
/// behind an older incomplete one until that one completes or retires. Only one thread may call it;
/// <see cref="Statistics"/> may be read from any thread. Nothing allocates per packet.
/// </summary>
public sealed class ModuleFrameAssembler
{
    private readonly ModuleReceiverOptions _options;
    private readonly IModuleFrameSink _sink;
    private readonly ModuleFrame[] _frames;
    private readonly DataPacketHeader _header = new();
    private readonly long _timeoutTicks;
    private bool _numberingKnown;
    private ulong _nextFrameNumber;
    private int _inFlight;
    private long _packetsReceived;
    private long _bytesReceived;
    private long _packetsAccepted;
    private long _crcFailures;
    private long _malformed;
    private long _wrongModule;
    private long _duplicates;
    private long _latePackets;
    private long _reordered;
    private long _floodDropped;
    private long _framesComplete;
    private long _framesPartial;
    private long _framesDropped;
    private long _framesTimedOut;
    private long _lostPackets;
    private long _restarts;
    private int _peakInFlight;

    // The last frames retired, by frame number modulo the ring size, so a packet of a frame already gone
    // can be told apart: a copy of a packet that arrived (duplicate) or one that never did (late).
    private readonly ulong[] _retiredNumbers = new ulong[RetiredRingSize];
    private readonly ulong[] _retiredArrivals = new ulong[RetiredRingSize];
    private readonly bool[] _retiredKnown = new bool[RetiredRingSize];
    private const int RetiredRingSize = 256;

    /// <summary>Creates an assembler that hands frames to <paramref name="sink"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is outside its range.</exception>
    public ModuleFrameAssembler(ModuleReceiverOptions options, IModuleFrameSink sink)
    {
        options.Validate();
        _options = options;
        _sink = sink ?? throw new ArgumentNullException(nameof(sink));
        _frames = new ModuleFrame[options.MaxFramesInFlight];
        for (var i = 0; i < _frames.Length; i++)
        {
            _frames[i] = new ModuleFrame(options.ChannelCount);
        }

        _timeoutTicks = (long)(options.FrameTimeout.TotalSeconds * Stopwatch.Frequency);
    }

    /// <summary>The options in use.</summary>
    public ModuleReceiverOptions Options => _options;

    /// <summary>A snapshot of the counters.</summary>
    public ReceiverStatistics Statistics => new()
    {
        PacketsReceived = Volatile.Read(ref _packetsReceived),
        BytesReceived = Volatile.Read(ref _bytesReceived),
        PacketsAccepted = Volatile.Read(ref _packetsAccepted),
        CrcFailures = Volatile.Read(ref _crcFailures),
        Malformed = Volatile.Read(ref _malformed),
        WrongModule = Volatile.Read(ref _wrongModule),
        Duplicates = Volatile.Read(ref _duplicates),
        LatePackets = Volatile.Read(ref _latePackets),
        Reordered = Volatile.Read(ref _reordered),
        FloodDropped = Volatile.Read(ref _floodDropped),
        FramesComplete = Volatile.Read(ref _framesComplete),
        FramesPartial = Volatile.Read(ref _framesPartial),
        FramesDropped = Volatile.Read(ref _framesDropped),
        FramesTimedOut = Volatile.Read(ref _framesTimedOut),
        LostPackets = Volatile.Read(ref _lostPackets),
        Restarts = Volatile.Read(ref _restarts),
        FramesInFlight = Volatile.Read(ref _inFlight),
        PeakFramesInFlight = Volatile.Read(ref _peakInFlight),
    };

    /// <summary>
    /// Checks one datagram (the first <paramref name="length"/> bytes of <paramref name="datagram"/>) and adds
    /// it to its frame; <paramref name="now"/> is a <see cref="Stopwatch.GetTimestamp"/> value.
    /// </summary>
    public void Process(byte[] datagram, int length, long now)
    {
        Volatile.Write(ref _packetsReceived, _packetsReceived + 1);
        Volatile.Write(ref _bytesReceived, _bytesReceived + length);
        // Prefix, then CRC (with the CPU's CRC instruction), then fields: corruption anywhere reads as a CRC failure.
        if (DataPacketReader.CheckPrefix(datagram, length).Length != 0)
        {
            Count(ref _malformed);
            return;
        }

        if (!Crc32CHost.IsValid(datagram.AsSpan(0, length)))
        {
            Count(ref _crcFailures);
            return;
        }

        if (!DataPacketReader.TryReadHeader(datagram, length, _header, verifyCrc: false, out _))
        {
            Count(ref _malformed);
            return;
        }

        if (_header.DetectorId != _options.DetectorId || _header.ModuleId != _options.ModuleId)
        {
            Count(ref _wrongModule);
            return;
        }

        var samplesPerPacket = PacketLayout.SamplesPerPacket(_header, _options.ChannelCount);
        if (samplesPerPacket == 0)
        {
            Count(ref _malformed);
            return;
        }

        var frameNumber = _header.FrameNumber;
        if (_numberingKnown && frameNumber < _nextFrameNumber)
        {
            if (_nextFrameNumber - frameNumber <= _options.RestartThresholdFrames)
            {
                Count(ref IsRetiredCopy(frameNumber, _header.PacketIndex) ? ref _duplicates : ref _latePackets);
                return;
            }

            Flush();
            _numberingKnown = false;
            Count(ref _restarts);
        }

        var frame = Find(frameNumber);
        if (frame == null)
        {
            RetireOutsideWindow(frameNumber);
            frame = FreeFrame();
            if (frame == null)
            {
                Count(ref _floodDropped);
                return;
            }

            frame.Begin(_header, samplesPerPacket, now);
            Volatile.Write(ref _inFlight, _inFlight + 1);
            if (_inFlight > _peakInFlight)
            {
                Volatile.Write(ref _peakInFlight, _inFlight);
            }
        }
        else if (frame.PacketCount != _header.PacketCount || frame.SamplesPerPacket != samplesPerPacket)
        {
            Count(ref _malformed);
            return;
        }

        if (!frame.TryMarkArrived(_header.PacketIndex))
        {
            Count(ref _duplicates);
            return;
        }

        if (frame.NoteArrival(_header.PacketIndex, _header.Flags))
        {
            Count(ref _reordered);
        }

        if (_header.Encoding == SampleEncoding.Packed20)
        {
            Packed20Decoder.Unpack(datagram.AsSpan(UdpDataPacketFormat.Size, length - UdpDataPacketFormat.Size), frame.Samples.AsSpan((int)_header.FirstChannel, _header.ChannelCount));
        }
        else
        {
            DataPacketReader.UnpackSamples(datagram, _header, frame.Samples, (int)_header.FirstChannel);
        }

        Count(ref _packetsAccepted);
        if (frame.Complete)
        {
            RetireCompleteHead();
        }
    }

    /// <summary>Retires frames whose first packet came <see cref="ModuleReceiverOptions.FrameTimeout"/> or more before <paramref name="now"/> (a <see cref="Stopwatch.GetTimestamp"/> value).</summary>
    public void RetireExpired(long now)
    {
        var found = false;
        ulong newestExpired = 0;
        foreach (var frame in _frames)
        {
            if (frame.InFlight && now - frame.FirstArrivalTimestamp >= _timeoutTicks && (!found || frame.FrameNumber > newestExpired))
            {
                newestExpired = frame.FrameNumber;
                found = true;
            }
        }

        if (!found)
        {
            return;
        }

        // Older frames leave first, so the expired frame takes everything older with it.
        for (var oldest = Oldest(); oldest != null && oldest.FrameNumber <= newestExpired; oldest = Oldest())
        {
            Retire(oldest, timedOut: true);
        }

        RetireCompleteHead();
    }

    /// <summary>Retires every frame in flight, oldest first (end of run, restart).</summary>
    public void Flush()
    {
        for (var oldest = Oldest(); oldest != null; oldest = Oldest())
        {
            Retire(oldest, timedOut: false);
        }
    }

    private static void Count(ref long counter) => Volatile.Write(ref counter, counter + 1);

    private void RetireOutsideWindow(ulong frameNumber)
    {
        var window = (ulong)_options.ReorderWindowFrames;
        for (var oldest = Oldest(); oldest != null && frameNumber > oldest.FrameNumber && frameNumber - oldest.FrameNumber >= window; oldest = Oldest())
        {
            Retire(oldest, timedOut: true);
        }

        // Frames of which no packet came within the window are given up; the aggregation counts them missing.
        if (_numberingKnown && frameNumber >= _nextFrameNumber + window)
        {
            _nextFrameNumber = frameNumber - window + 1;
        }

        RetireCompleteHead();
    }

    // A complete frame leaves only when no older frame can still come: its number is the next one
    // expected, or the numbering is not known yet. Reordered packets of an older frame thus still count.
    private void RetireCompleteHead()
    {
        for (var oldest = Oldest(); oldest != null && oldest.Complete && (!_numberingKnown || oldest.FrameNumber <= _nextFrameNumber); oldest = Oldest())
        {
            Retire(oldest, timedOut: false);
        }
    }

    private bool IsRetiredCopy(ulong frameNumber, int packetIndex)
    {
        var slot = (int)(frameNumber % RetiredRingSize);
        return _retiredKnown[slot] && _retiredNumbers[slot] == frameNumber && packetIndex < 64 && ((_retiredArrivals[slot] >> packetIndex) & 1) != 0;
    }

    private void Retire(ModuleFrame frame, bool timedOut)
    {
        frame.Retire();
        var slot = (int)(frame.FrameNumber % RetiredRingSize);
        _retiredNumbers[slot] = frame.FrameNumber;
        _retiredArrivals[slot] = frame.FirstArrivalBits;
        _retiredKnown[slot] = true;
        Volatile.Write(ref _inFlight, _inFlight - 1);
        _numberingKnown = true;
        _nextFrameNumber = frame.FrameNumber + 1;
        if (frame.Complete)
        {
            Count(ref _framesComplete);
            _sink.Accept(frame);
            return;
        }

        Volatile.Write(ref _lostPackets, _lostPackets + frame.PacketCount - frame.PacketsReceived);
        if (timedOut)
        {
            Count(ref _framesTimedOut);
        }

        if (_options.DiscardPolicy == FrameDiscardPolicy.KeepPartial)
        {
            Count(ref _framesPartial);
            _sink.Accept(frame);
        }
        else
        {
            Count(ref _framesDropped);
        }
    }

    private ModuleFrame? Find(ulong frameNumber)
    {
        foreach (var frame in _frames)
        {
            if (frame.InFlight && frame.FrameNumber == frameNumber)
            {
                return frame;
            }
        }

        return null;
    }

    private ModuleFrame? FreeFrame()
    {
        foreach (var frame in _frames)
        {
            if (!frame.InFlight)
            {
                return frame;
            }
        }

        return null;
    }

    private ModuleFrame? Oldest()
    {
        ModuleFrame? oldest = null;
        foreach (var frame in _frames)
        {
            if (frame.InFlight && (oldest == null || frame.FrameNumber < oldest.FrameNumber))
            {
                oldest = frame;
            }
        }

        return oldest;
    }
}
