using System;
using System.Threading;
using DetectorDaq.Firmware.Control;
using DetectorDaq.Firmware.Ddc264;
using DetectorDaq.Firmware.Fpga;
using DetectorDaq.Firmware.Framing;
using DetectorDaq.Firmware.Interfaces;

namespace DetectorDaq.Firmware.Controller
{
    /// <summary>
    /// The controller's backend on real or virtual hardware: applies configurations to the chips,
    /// runs the self-test, gives register access and streams frames (DDC264 chain through the FPGA
    /// FIFO, or ADS131M08 conversions) to the host through the framer on its own thread.
    /// All bus traffic goes through one lock, so register reads during acquisition cannot tear a
    /// FIFO burst.
    /// </summary>
    public sealed class AcquisitionController : IControllerBackend
    {
        private readonly ControllerBoard _board;
        private readonly IDataLinkFactory _dataLinks;
        private readonly ControllerStateMachine _stateMachine;
        private readonly object _busGate = new object();
        private readonly ControllerConfiguration _configuration = new ControllerConfiguration();
        private readonly BoardSelfTest _selfTest;
        private readonly int[] _samples = new int[FifoFrame.MaxChips * FifoFrameFormat.ChannelsPerChip];
        private readonly FifoFrame _fifoFrame = new FifoFrame(FifoFrame.MaxChips);
        private DataFramer _framer;
        private Thread _thread;
        private bool _configured;
        private readonly object _runningGate = new object();
        private bool _running;
        private ulong _framesToAcquire;
        private ulong _adsFrameNumber;
        private uint _fifoOverflows;
        private uint _framesDropped;
        private string _lastError = string.Empty;

        /// <summary>Creates the backend of <paramref name="board"/>; faults and finished runs go to <paramref name="stateMachine"/>.</summary>
        public AcquisitionController(ControllerBoard board, IDataLinkFactory dataLinks, ControllerStateMachine stateMachine)
        {
            _board = board;
            _dataLinks = dataLinks;
            _stateMachine = stateMachine;
            _selfTest = new BoardSelfTest(board);
        }

        /// <summary>Frames handed to the framer since the last Configure.</summary>
        public ulong FramesSent => _framer == null ? 0 : _framer.FramesSent;

        /// <inheritdoc/>
        public ControlStatus Configure(ControllerConfiguration configuration)
        {
            if (_board.StreamsDdc264 && configuration.ChainLength > _board.FittedDdc264Chips)
            {
                return Fail(ControlStatus.InvalidArgument, "chain length " + configuration.ChainLength.ToString() + " exceeds the " + _board.FittedDdc264Chips.ToString() + " DDC264 chips fitted");
            }

            if (!EncodingHolds(configuration))
            {
                return Fail(ControlStatus.InvalidArgument, "sample encoding " + ((int)configuration.Encoding).ToString() + " cannot hold the chip's codes");
            }

            _configuration.CopyFrom(configuration);
            var status = ApplyConfiguration();
            if (status != ControlStatus.Ok)
            {
                return status;
            }

            var transport = _dataLinks.Open(_configuration.DestinationAddress, _configuration.DestinationPort);
            _framer = new DataFramer(transport, _configuration.Mtu - UdpDataPacketFormat.IpUdpOverhead);
            _framer.Configure(_configuration.DetectorId, _configuration.ModuleId, _configuration.IntegrationPeriodNs, _configuration.Encoding, ChannelCount());
            _configured = true;
            return ControlStatus.Ok;
        }

        /// <inheritdoc/>
        public ControlStatus ReadRegister(ChipKind chip, int chipIndex, int address, out uint value)
        {
            value = 0;
            lock (_busGate)
            {
                try
                {
                    switch (chip)
                    {
                        case ChipKind.Ads131m08:
                            if (_board.Ads131m08 == null || chipIndex != 0)
                            {
                                return Fail(ControlStatus.InvalidArgument, "no ADS131M08 at index " + chipIndex.ToString());
                            }

                            value = _board.Ads131m08.ReadRegister(address);
                            return ControlStatus.Ok;
                        case ChipKind.Fpga:
                            if (_board.Fpga == null || chipIndex != 0)
                            {
                                return Fail(ControlStatus.InvalidArgument, "no FPGA at index " + chipIndex.ToString());
                            }

                            value = _board.Fpga.ReadRegister(address);
                            return ControlStatus.Ok;
                        default:
                            return ReadDdc264Configuration(chipIndex, out value);
                    }
                }
                catch (Exception exception)
                {
                    return FailWith(exception);
                }
            }
        }

        /// <inheritdoc/>
        public ControlStatus WriteRegister(ChipKind chip, int chipIndex, int address, uint value)
        {
            lock (_busGate)
            {
                try
                {
                    switch (chip)
                    {
                        case ChipKind.Ads131m08:
                            if (_board.Ads131m08 == null || chipIndex != 0)
                            {
                                return Fail(ControlStatus.InvalidArgument, "no ADS131M08 at index " + chipIndex.ToString());
                            }

                            _board.Ads131m08.WriteRegister(address, (ushort)value);
                            return ControlStatus.Ok;
                        case ChipKind.Fpga:
                            if (_board.Fpga == null || chipIndex != 0)
                            {
                                return Fail(ControlStatus.InvalidArgument, "no FPGA at index " + chipIndex.ToString());
                            }

                            _board.Fpga.WriteRegister(address, value);
                            return ControlStatus.Ok;
                        default:
                            // The chain shares one configuration word: every chip gets it, and the read-back proves it.
                            if (_board.Ddc264Chain == null || chipIndex >= _board.FittedDdc264Chips)
                            {
                                return Fail(ControlStatus.InvalidArgument, "no DDC264 at chain position " + chipIndex.ToString());
                            }

                            _board.Ddc264Chain.ConfigureAndVerify(Ddc264Configuration.FromWord((ushort)value), _board.FittedDdc264Chips);
                            return ControlStatus.Ok;
                    }
                }
                catch (Exception exception)
                {
                    return FailWith(exception);
                }
            }
        }

        /// <inheritdoc/>
        public ControlStatus RunSelfTest(SelfTestReport report)
        {
            lock (_busGate)
            {
                _selfTest.Run(report);
            }

            // The self-test resets the chips; a configured controller gets its configuration back.
            if (_configured)
            {
                var status = ApplyConfiguration();
                if (status != ControlStatus.Ok)
                {
                    return status;
                }
            }

            return report.AllPassed ? ControlStatus.Ok : ControlStatus.SelfTestFailed;
        }

        /// <inheritdoc/>
        public ControlStatus Arm()
        {
            if (_framer == null)
            {
                return Fail(ControlStatus.InvalidState, "not configured");
            }

            _framesToAcquire = _configuration.FramesToAcquire;
            _adsFrameNumber = 0;
            _fifoOverflows = 0;
            _framesDropped = 0;
            return ControlStatus.Ok;
        }

        /// <inheritdoc/>
        public ControlStatus Start()
        {
            lock (_busGate)
            {
                try
                {
                    if (_board.StreamsDdc264)
                    {
                        _board.Ddc264Chain.Start();
                        _board.FifoReader.Clear();
                    }
                }
                catch (Exception exception)
                {
                    return FailWith(exception);
                }
            }

            Running = true;
            _thread = new Thread(_board.StreamsDdc264 ? new ThreadStart(StreamDdc264) : new ThreadStart(StreamAds131m08));
            _thread.Start();
            return ControlStatus.Ok;
        }

        /// <inheritdoc/>
        public ControlStatus Stop()
        {
            StopStreaming();
            return ControlStatus.Ok;
        }

        /// <inheritdoc/>
        public ControlStatus Reset()
        {
            StopStreaming();
            _configured = false;
            lock (_busGate)
            {
                try
                {
                    if (_board.Ads131m08 != null)
                    {
                        _board.Ads131m08.Reset();
                    }

                    if (_board.Ddc264Chain != null)
                    {
                        _board.Ddc264Chain.Stop();
                        _board.Ddc264Chain.Reset();
                    }

                    _lastError = string.Empty;
                    return ControlStatus.Ok;
                }
                catch (Exception exception)
                {
                    return FailWith(exception);
                }
            }
        }

        /// <inheritdoc/>
        public void FillInfo(ControllerInfo info)
        {
            info.FirmwareVersion = _board.Identity.FirmwareVersion;
            info.BoardName = _board.Identity.BoardName;
            info.SerialNumber = _board.Identity.SerialNumber;
            info.HasAds131m08 = _board.Ads131m08 != null;
            info.Ddc264ChainLength = (byte)_board.FittedDdc264Chips;
            info.MaxMtu = (ushort)UdpDataPacketFormat.JumboMtu;
            if (_board.Fpga != null)
            {
                lock (_busGate)
                {
                    uint id;
                    uint version;
                    if (_board.Fpga.TryReadId(out id, out version))
                    {
                        info.FpgaId = id;
                        info.FpgaVersion = version;
                    }
                }
            }
        }

        /// <inheritdoc/>
        public void FillHousekeeping(Housekeeping housekeeping)
        {
            housekeeping.FramesSent = _framer == null ? 0 : _framer.FramesSent;
            housekeeping.PacketsSent = _framer == null ? 0 : _framer.PacketsSent;
            housekeeping.FifoOverflows = _fifoOverflows;
            housekeeping.FramesDropped = _framesDropped;
            housekeeping.BoardTemperatureMilliCelsius = _board.Temperature.ReadMilliCelsius();
            if (_lastError.Length != 0)
            {
                housekeeping.LastError = AsciiField.Fit(_lastError, Housekeeping.MaxErrorLength);
            }
        }

        // nanoFramework has no volatile fields; a lock gives the streaming thread a fresh view of the flag.
        private bool Running
        {
            get
            {
                lock (_runningGate)
                {
                    return _running;
                }
            }

            set
            {
                lock (_runningGate)
                {
                    _running = value;
                }
            }
        }

        /// <inheritdoc/>
        public string FailureReason => _lastError;

        private ControlStatus ApplyConfiguration()
        {
            lock (_busGate)
            {
                try
                {
                    var ads = _board.Ads131m08;
                    if (ads != null)
                    {
                        ads.Reset();
                        ads.SetWordLength(_configuration.WordLength);
                        ads.SetOversamplingRatio(_configuration.OversamplingRatio);
                        for (var channel = 0; channel < DetectorDaq.Firmware.Ads131m08.Ads131m08.ChannelCount; channel++)
                        {
                            ads.SetGain(channel, _configuration.Gain);
                            ads.SetChannelEnabled(channel, (_configuration.ChannelEnableMask & (1 << channel)) != 0);
                        }

                        ads.ClearResetFlag();
                    }

                    var chain = _board.Ddc264Chain;
                    if (chain != null && _board.StreamsDdc264)
                    {
                        chain.Stop();
                        chain.Reset();
                        var ddc = new Ddc264Configuration { Range = _configuration.Range, Format = _configuration.Format };
                        chain.ConfigureAndVerify(ddc, _configuration.ChainLength);
                        chain.SetIntegrationPeriod(_configuration.IntegrationPeriodNs);
                        chain.SetTestPattern(_configuration.TestPattern, _configuration.TestPatternSeed);
                    }

                    return ControlStatus.Ok;
                }
                catch (Exception exception)
                {
                    return FailWith(exception);
                }
            }
        }

        private ControlStatus ReadDdc264Configuration(int chipIndex, out uint value)
        {
            value = 0;
            if (_board.Ddc264Chain == null || chipIndex >= _board.FittedDdc264Chips)
            {
                return Fail(ControlStatus.InvalidArgument, "no DDC264 at chain position " + chipIndex.ToString());
            }

            var readBacks = new Ddc264ReadBack[FifoFrame.MaxChips];
            var count = _board.Ddc264Chain.ReadBack(readBacks);
            if (chipIndex >= count || readBacks[chipIndex].IsSilent)
            {
                return Fail(ControlStatus.ChipNotAnswering, "DDC264 " + chipIndex.ToString() + " returned no read-back");
            }

            value = readBacks[chipIndex].Config;
            return ControlStatus.Ok;
        }

        private int ChannelCount() =>
            _board.StreamsDdc264 ? _configuration.ChainLength * FifoFrameFormat.ChannelsPerChip : DetectorDaq.Firmware.Ads131m08.Ads131m08.ChannelCount;

        // DDC264 codes are unsigned 16 or 20 bits, ADS131M08 codes signed 24 bits.
        private bool EncodingHolds(ControllerConfiguration configuration)
        {
            var encoding = configuration.Encoding;
            if (!_board.StreamsDdc264)
            {
                return encoding == SampleEncoding.Signed24 || encoding == SampleEncoding.Signed32;
            }

            return configuration.Format == Ddc264Format.Bits16 || encoding != SampleEncoding.Unsigned16;
        }

        private void StreamDdc264()
        {
            WaitUntilAcquiring();
            var chain = _board.Ddc264Chain;
            var reader = _board.FifoReader;
            ulong sent = 0;
            while (Running)
            {
                bool got;
                FpgaStatus status;
                try
                {
                    lock (_busGate)
                    {
                        got = reader.TryReadFrame(_fifoFrame);
                        status = got ? default(FpgaStatus) : chain.ReadStatus();
                    }
                }
                catch (Exception exception)
                {
                    Abort("acquisition: " + exception.Message);
                    return;
                }

                if (!got)
                {
                    if (status.DvalidTimeout)
                    {
                        Abort("DDC264 chain not answering: no DVALID after CONV");
                        return;
                    }

                    Thread.Sleep(1);
                    continue;
                }

                if (_fifoFrame.Overflow)
                {
                    _fifoOverflows++;
                }

                Ddc264Unpacker.Unpack(_fifoFrame, _samples);
                var flags = PacketFlags.None;
                if (_fifoFrame.SideB)
                {
                    flags |= PacketFlags.IntegratorSideB;
                }

                if (_fifoFrame.TestPattern)
                {
                    flags |= PacketFlags.TestPattern;
                }

                if (_fifoFrame.Overflow)
                {
                    flags |= PacketFlags.Overflow;
                }

                if (!TrySend(_fifoFrame.FrameNumber, _fifoFrame.TimestampNanoseconds, flags))
                {
                    return;
                }

                sent++;
                if (_framesToAcquire != 0 && sent >= _framesToAcquire)
                {
                    Finish();
                    return;
                }
            }
        }

        private void StreamAds131m08()
        {
            const int DataReadyTimeoutMilliseconds = 100;
            WaitUntilAcquiring();
            var ads = _board.Ads131m08;
            while (Running)
            {
                bool got;
                try
                {
                    lock (_busGate)
                    {
                        Ads131m08.Ads131m08Status status;
                        got = ads.TryReadFrame(_samples, out status, DataReadyTimeoutMilliseconds);
                    }
                }
                catch (Exception exception)
                {
                    Abort("acquisition: " + exception.Message);
                    return;
                }

                if (!got)
                {
                    if (Running)
                    {
                        Abort("ADS131M08 not answering: no DRDY within " + DataReadyTimeoutMilliseconds.ToString() + " ms");
                    }

                    return;
                }

                if (!TrySend(_adsFrameNumber, (ulong)_board.Clock.NowNanoseconds, PacketFlags.None))
                {
                    return;
                }

                _adsFrameNumber++;
                if (_framesToAcquire != 0 && _adsFrameNumber >= _framesToAcquire)
                {
                    Finish();
                    return;
                }
            }
        }

        // A data link that fails ends the run in Fault instead of ending the streaming thread unseen.
        private bool TrySend(ulong frameNumber, ulong timestampNanoseconds, PacketFlags flags)
        {
            try
            {
                _framer.SendFrame(frameNumber, timestampNanoseconds, flags, _samples);
                return true;
            }
            catch (Exception exception)
            {
                Abort("data link: " + exception.Message);
                return false;
            }
        }

        // The dispatcher moves the state machine to Acquiring only after Start returns; a short run
        // could otherwise finish first and fire AcquisitionFinished from Armed, where it is refused.
        private void WaitUntilAcquiring()
        {
            const int LimitMilliseconds = 2000;
            for (var waited = 0; waited < LimitMilliseconds && Running && _stateMachine.State == ControllerState.Armed; waited++)
            {
                Thread.Sleep(1);
            }
        }

        private void Finish()
        {
            Running = false;
            StopChain();
            _stateMachine.TryFire(ControllerTrigger.AcquisitionFinished);
        }

        private void Abort(string reason)
        {
            Running = false;
            _lastError = reason;
            StopChain();
            _stateMachine.Fault(reason);
        }

        private void StopStreaming()
        {
            Running = false;
            var thread = _thread;
            if (thread != null && thread != Thread.CurrentThread)
            {
                thread.Join();
            }

            _thread = null;
            StopChain();
        }

        private void StopChain()
        {
            if (!_board.StreamsDdc264)
            {
                return;
            }

            lock (_busGate)
            {
                try
                {
                    _board.Ddc264Chain.Stop();
                }
                catch (Exception exception)
                {
                    _lastError = "stop: " + exception.Message;
                }
            }
        }

        private ControlStatus FailWith(Exception exception)
        {
            if (!ChipFailure.IsChipException(exception))
            {
                throw exception;
            }

            return Fail(ChipFailure.ToStatus(exception), exception.Message);
        }

        private ControlStatus Fail(ControlStatus status, string reason)
        {
            _lastError = reason;
            return status;
        }
    }
}
