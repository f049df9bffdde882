using System;
using DetectorDaq.Firmware.Fpga;
using DetectorDaq.Firmware.Hardware;
using DetectorDaq.Firmware.Interfaces;

namespace DetectorDaq.Firmware.Ddc264
{
    /// <summary>
    /// A daisy chain of 1 to 16 TI DDC264 driven by the acquisition FPGA: reset, configuration with
    /// read-back verification, integration period, test patterns and run control. The FPGA does the
    /// bit-level work (CLK_CFG/DIN_CFG shift, DCLK/DOUT read-back, CONV/DVALID); this class sequences it.
    /// </summary>
    /// <remarks>
    /// Power-up: the board keeps RESET low or waits tPOR = 250 ms after the supplies are up before
    /// <see cref="Reset"/> (SBAS368 timing table as quoted by SBA-Library DDC264.vhd); this driver cannot
    /// know when power came up, so it does not wait for it.
    /// </remarks>
    public sealed class Ddc264Chain
    {
        /// <summary>tRST: RESET low pulse width, at least 1 µs.</summary>
        public const int ResetPulseMicroseconds = 1;

        /// <summary>tWTRST: RESET high to the first CLK_CFG edge, at least 2 µs.</summary>
        public const int ResetRecoveryMicroseconds = 2;

        /// <summary>tWTWR: last CLK_CFG of the write to the first DCLK of the read-back, at least 2 µs.</summary>
        public const int WriteToReadBackMicroseconds = 2;

        /// <summary>Interval between STATUS polls while the FPGA is busy.</summary>
        public const int BusyPollMicroseconds = 10;

        /// <summary>
        /// STATUS polls before giving up: 10 ms in all, ten times a read-back of 16 chips × 1280 bits at
        /// a 25 MHz DCLK.
        /// </summary>
        public const int BusyPollLimit = 1000;

        private readonly FpgaLink _fpga;
        private readonly IClock _clock;
        private readonly uint[] _readBackWords = new uint[FifoFrame.MaxChips];
        private readonly Ddc264ReadBack[] _readBacks = new Ddc264ReadBack[FifoFrame.MaxChips];

        /// <summary>Drives the chain behind <paramref name="fpga"/>, timing pulses with <paramref name="clock"/>.</summary>
        public Ddc264Chain(FpgaLink fpga, IClock clock)
        {
            if (fpga == null)
            {
                throw new ArgumentNullException(nameof(fpga));
            }

            if (clock == null)
            {
                throw new ArgumentNullException(nameof(clock));
            }

            _fpga = fpga;
            _clock = clock;
        }

        /// <summary>Stops acquisition and pulses RESET of every chip (tRST ≥ 1 µs), then waits tWTRST ≥ 2 µs.</summary>
        public void Reset()
        {
            _fpga.WriteRegister(FpgaRegisters.ControlAddress, FpgaRegisters.ControlDdcResetMask);
            _clock.DelayMicroseconds(ResetPulseMicroseconds);
            _fpga.WriteRegister(FpgaRegisters.ControlAddress, 0);
            _clock.DelayMicroseconds(ResetRecoveryMicroseconds);
        }

        /// <summary>
        /// Sets the chain length to <paramref name="chips"/> (1 to 16) and shifts <paramref name="configuration"/>
        /// into every chip. Throws <see cref="Ddc264Exception"/> (<see cref="Ddc264Error.Timeout"/>) when the FPGA stays busy.
        /// </summary>
        public void Configure(Ddc264Configuration configuration, int chips)
        {
            if (configuration == null)
            {
                throw new ArgumentNullException(nameof(configuration));
            }

            if (chips < 1 || chips > FifoFrame.MaxChips)
            {
                throw new ArgumentOutOfRangeException(nameof(chips), $"A DDC264 chain has 1 to {FifoFrame.MaxChips} chips, not {chips}.");
            }

            _fpga.WriteRegister(FpgaRegisters.ChainLengthAddress, (uint)chips);
            _fpga.WriteRegister(FpgaRegisters.DdcConfigAddress, configuration.ToWord());
            _fpga.WriteRegister(FpgaRegisters.ControlAddress, FpgaRegisters.ControlDdcConfigureMask);
            WaitWhileBusy("configuration shift");
        }

        /// <summary>
        /// Reads the configuration back from every chip of the chain into <paramref name="results"/>
        /// (index 0 = chip nearest the FPGA). Returns the number of chips.
        /// </summary>
        public int ReadBack(Ddc264ReadBack[] results)
        {
            if (results == null)
            {
                throw new ArgumentNullException(nameof(results));
            }

            var chips = (int)(_fpga.ReadRegister(FpgaRegisters.ChainLengthAddress) & FpgaRegisters.ChainLengthChipsMask);
            if (chips < 1 || chips > FifoFrame.MaxChips)
            {
                throw new Ddc264Exception(Ddc264Error.NotAnswering, -1, $"FPGA CHAIN_LENGTH reads {chips}; configure the chain first.");
            }

            if (results.Length < chips)
            {
                throw new ArgumentException($"The chain has {chips} chips; the result array holds {results.Length}.", nameof(results));
            }

            _clock.DelayMicroseconds(WriteToReadBackMicroseconds);
            _fpga.WriteRegister(FpgaRegisters.ControlAddress, FpgaRegisters.ControlDdcReadbackMask);
            var status = WaitWhileBusy("configuration read-back");
            if (!status.ReadBackValid)
            {
                throw new Ddc264Exception(Ddc264Error.NotAnswering, -1, "The FPGA finished the DDC264 read-back without a valid result.");
            }

            _fpga.ReadDdcReadBack(_readBackWords, 0, chips);
            for (var chip = 0; chip < chips; chip++)
            {
                results[chip] = new Ddc264ReadBack(_readBackWords[chip]);
            }

            return chips;
        }

        /// <summary>
        /// <see cref="Configure"/> then <see cref="ReadBack"/>; throws <see cref="Ddc264Exception"/> naming the
        /// first chip that is silent or whose read-back differs, and what differs.
        /// </summary>
        public void ConfigureAndVerify(Ddc264Configuration configuration, int chips)
        {
            Configure(configuration, chips);
            var word = configuration.ToWord();
            var count = ReadBack(_readBacks);
            for (var chip = 0; chip < count; chip++)
            {
                var readBack = _readBacks[chip];
                if (readBack.IsSilent)
                {
                    throw new Ddc264Exception(Ddc264Error.NotAnswering, chip, $"DDC264 chip {chip} does not answer: its read-back is all zeros.");
                }

                if (!readBack.Matches(word))
                {
                    throw new Ddc264Exception(Ddc264Error.ReadBackMismatch, chip, $"DDC264 chip {chip} read-back mismatch: {readBack.DescribeMismatch(word)}.");
                }
            }
        }

        /// <summary>Sets the integration period, the time between CONV toggles, in ns (1 ns to 4.29 s).</summary>
        public void SetIntegrationPeriod(long nanoseconds)
        {
            if (nanoseconds < 1 || nanoseconds > uint.MaxValue)
            {
                throw new ArgumentOutOfRangeException(nameof(nanoseconds), $"Integration period {nanoseconds} ns is outside 1 to {uint.MaxValue} ns.");
            }

            _fpga.WriteRegister(FpgaRegisters.IntegrationPeriodAddress, (uint)nanoseconds);
        }

        /// <summary>Selects the FPGA test-pattern generator; <paramref name="seed"/> (20 bits) is the constant or ramp start.</summary>
        public void SetTestPattern(TestPatternMode mode, uint seed)
        {
            var seedLimit = FpgaRegisters.TestPatternSeedMask >> FpgaRegisters.TestPatternSeedShift;
            if (seed > seedLimit)
            {
                throw new ArgumentOutOfRangeException(nameof(seed), $"Test-pattern seed 0x{seed:X} exceeds 20 bits.");
            }

            var value = (((uint)mode << FpgaRegisters.TestPatternModeShift) & FpgaRegisters.TestPatternModeMask) | (seed << FpgaRegisters.TestPatternSeedShift);
            _fpga.WriteRegister(FpgaRegisters.TestPatternAddress, value);
        }

        /// <summary>Empties the FIFO, zeros frame counter and timestamp, clears sticky errors and starts CONV.</summary>
        public void Start()
        {
            _fpga.WriteRegister(
                FpgaRegisters.ControlAddress,
                FpgaRegisters.ControlRunMask | FpgaRegisters.ControlFifoClearMask | FpgaRegisters.ControlFrameCounterClearMask);
        }

        /// <summary>Stops CONV; frames already in the FIFO stay there.</summary>
        public void Stop()
        {
            _fpga.WriteRegister(FpgaRegisters.ControlAddress, 0);
        }

        /// <summary>Reads and decodes STATUS.</summary>
        public FpgaStatus ReadStatus() => new FpgaStatus(_fpga.ReadRegister(FpgaRegisters.StatusAddress));

        /// <summary>
        /// Throws <see cref="Ddc264Exception"/> when STATUS reports a DVALID timeout (a chip not answering)
        /// or a FIFO overflow; both stay set until the next <see cref="Start"/>.
        /// </summary>
        public void ThrowIfFaulted()
        {
            var status = ReadStatus();
            if (status.DvalidTimeout)
            {
                throw new Ddc264Exception(Ddc264Error.DvalidTimeout, -1, "The DDC264 chain gave no DVALID after CONV: a chip does not answer.");
            }

            if (status.FifoOverflow)
            {
                throw new Ddc264Exception(Ddc264Error.FifoOverflow, -1, "The FPGA FIFO overflowed: frames were dropped because the controller read too slowly.");
            }
        }

        private FpgaStatus WaitWhileBusy(string operation)
        {
            for (var poll = 0; poll < BusyPollLimit; poll++)
            {
                var status = ReadStatus();
                if (!status.DdcBusy)
                {
                    return status;
                }

                _clock.DelayMicroseconds(BusyPollMicroseconds);
            }

            throw new Ddc264Exception(Ddc264Error.Timeout, -1, $"The FPGA stayed busy with the DDC264 {operation} for {BusyPollLimit * BusyPollMicroseconds} us.");
        }
    }
}
