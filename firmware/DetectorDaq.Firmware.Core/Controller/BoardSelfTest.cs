using System;
using System.Threading;
using DetectorDaq.Firmware.Control;
using DetectorDaq.Firmware.Ddc264;
using DetectorDaq.Firmware.Fpga;
using DetectorDaq.Firmware.Interfaces;
using AdsDriver = DetectorDaq.Firmware.Ads131m08.Ads131m08;
using AdsStatus = DetectorDaq.Firmware.Ads131m08.Ads131m08Status;

namespace DetectorDaq.Firmware.Controller
{
    /// <summary>
    /// The bring-up self-test: identifies every chip, checks reset values, exercises the CRCs, runs
    /// the ADS131M08's internal test signals, verifies the DDC264 configuration read-back and the FPGA
    /// test-pattern path. Each item is one check in the report; a check that throws fails with the
    /// exception's message, and the remaining checks still run. Chips are left reset.
    /// </summary>
    public sealed class BoardSelfTest
    {
        /// <summary>Ideal ADS131M08 code of the DC test signal: 2/15 of full scale at any gain (SBAS950 §8.3.9).</summary>
        public const int DcTestSignalCode = 1118481;

        /// <summary>Accepted deviation of the DC test signal, percent of its ideal code.</summary>
        public const int DcTestSignalTolerancePercent = 10;

        /// <summary>Largest code accepted with shorted inputs (0.1 % of full scale).</summary>
        public const int ShortedInputLimitCode = 8389;

        private const int FrameTimeoutMilliseconds = 500;
        private const int SettlingFrames = 3;
        private const int AveragedFrames = 4;
        private const uint ScratchPatternA = 0xA5C3_5A3C;
        private const uint ScratchPatternB = 0x5A3C_A5C3;

        private readonly ControllerBoard _board;
        private readonly int[] _samples = new int[FifoFrame.MaxChips * FifoFrameFormat.ChannelsPerChip];
        private readonly long[] _sums = new long[AdsDriver.ChannelCount];
        private readonly FifoFrame _frame = new FifoFrame(FifoFrame.MaxChips);
        private SelfTestReport _report = new SelfTestReport();

        /// <summary>Creates the self-test of <paramref name="board"/>.</summary>
        public BoardSelfTest(ControllerBoard board)
        {
            _board = board;
        }

        /// <summary>Runs every check that applies to the board into the empty <paramref name="report"/>.</summary>
        public void Run(SelfTestReport report)
        {
            _report = report;
            if (_board.Ads131m08 != null)
            {
                RunAds131m08Checks(_board.Ads131m08);
            }

            if (_board.Fpga != null)
            {
                RunFpgaChecks(_board.Fpga);
            }
        }

        private void RunAds131m08Checks(AdsDriver ads)
        {
            if (!Check("ADS131M08 reset", () => { ads.Reset(); return "RESET answered 0xFF28"; }))
            {
                // A chip that does not answer its reset will not answer anything else; one failure says it all.
                return;
            }

            Check("ADS131M08 ID", () =>
            {
                var id = ads.ReadId();
                return Verdict((id & 0xFF00) == 0x2800, "ID 0x" + id.ToString("X4") + ", expected 0x28xx (8 channels)");
            });
            Check("ADS131M08 reset values", () => CompareResetValues(ads));
            Check("ADS131M08 output CRC", () =>
            {
                ReadAveragedFrames(ads);
                return "CRC-16 of " + (SettlingFrames + AveragedFrames).ToString() + " data frames verified";
            });
            Check("ADS131M08 input CRC", () =>
            {
                ads.SetInputCrcEnabled(true);
                ads.WriteRegister(Ads131m08Registers.ChGcalMsbAddress(0), 0x8000);
                var status = ads.ReadStatus();
                ads.SetInputCrcEnabled(false);
                return Verdict(!status.InputCrcError, "commands with input CRC accepted, STATUS.CRC_ERR clear");
            });
            Check("ADS131M08 register map CRC", () =>
            {
                ads.SetRegisterMapCrcEnabled(true);
                var read = ads.ReadRegisterMapCrc();
                var expected = ads.ComputeRegisterMapCrc();
                ads.SetRegisterMapCrcEnabled(false);
                return Verdict(read == expected, "REGMAP_CRC 0x" + read.ToString("X4") + ", computed 0x" + expected.ToString("X4"));
            });
            Check("ADS131M08 positive DC test signal", () => TestSignal(ads, InputMux.PositiveDcTest, DcTestSignalCode));
            Check("ADS131M08 negative DC test signal", () => TestSignal(ads, InputMux.NegativeDcTest, -DcTestSignalCode));
            Check("ADS131M08 shorted inputs", () => TestSignal(ads, InputMux.Shorted, 0));
            Check("ADS131M08 back to reset", () => { ads.Reset(); return "chip reset after the self-test"; });
        }

        private void RunFpgaChecks(FpgaLink fpga)
        {
            uint id = 0;
            uint version = 0;
            if (!Check("FPGA ID", () => Verdict(fpga.TryReadId(out id, out version) && id == FpgaRegisters.IdReset, "ID 0x" + id.ToString("X8") + ", expected 0x" + FpgaRegisters.IdReset.ToString("X8") + ", version 0x" + version.ToString("X8"))))
            {
                return;
            }

            Check("FPGA scratch register", () =>
            {
                fpga.WriteRegister(FpgaRegisters.ScratchAddress, ScratchPatternA);
                var first = fpga.ReadRegister(FpgaRegisters.ScratchAddress);
                fpga.WriteRegister(FpgaRegisters.ScratchAddress, ScratchPatternB);
                var second = fpga.ReadRegister(FpgaRegisters.ScratchAddress);
                return Verdict(first == ScratchPatternA && second == ScratchPatternB, "wrote 0x" + ScratchPatternA.ToString("X8") + "/0x" + ScratchPatternB.ToString("X8") + ", read 0x" + first.ToString("X8") + "/0x" + second.ToString("X8"));
            });
            if (_board.FittedDdc264Chips == 0)
            {
                return;
            }

            var chain = _board.Ddc264Chain;
            var chips = _board.FittedDdc264Chips;
            var configuration = new Ddc264Configuration();
            var configured = Check("DDC264 configuration read-back", () =>
            {
                chain.Stop();
                chain.Reset();
                chain.ConfigureAndVerify(configuration, chips);
                return chips.ToString() + " chips: word 0x" + configuration.ToWord().ToString("X4") + ", revision, check pattern verified";
            });
            if (!configured)
            {
                return;
            }

            Check("FPGA test pattern", () => TestPattern(chain, chips));
            Check("DDC264 conversion (DVALID)", () =>
            {
                chain.SetTestPattern(TestPatternMode.Off, 0);
                ReadOneFrame(chain);
                return "frame " + _frame.FrameNumber.ToString() + " from " + _frame.Chips.ToString() + " chips, side " + (_frame.SideB ? "B" : "A");
            });
            chain.Stop();
        }

        private string CompareResetValues(AdsDriver ads)
        {
            var compared = 0;
            for (var address = Ads131m08Registers.ModeAddress; address <= Ads131m08Registers.ChGcalLsbAddress(AdsDriver.ChannelCount - 1); address++)
            {
                if (!Ads131m08Registers.IsDefined(address))
                {
                    continue;
                }

                var value = ads.ReadRegister(address);
                var expected = Ads131m08Registers.ResetValue(address);
                if (value != expected)
                {
                    throw new SelfTestFailure("register 0x" + address.ToString("X2") + " reads 0x" + value.ToString("X4") + ", reset value is 0x" + expected.ToString("X4"));
                }

                compared++;
            }

            return compared.ToString() + " registers equal their datasheet reset values";
        }

        private string TestSignal(AdsDriver ads, InputMux mux, int expected)
        {
            for (var channel = 0; channel < AdsDriver.ChannelCount; channel++)
            {
                ads.SetInputMux(channel, mux);
            }

            try
            {
                ReadAveragedFrames(ads);
            }
            finally
            {
                for (var channel = 0; channel < AdsDriver.ChannelCount; channel++)
                {
                    ads.SetInputMux(channel, InputMux.Normal);
                }
            }

            var tolerance = expected == 0 ? ShortedInputLimitCode : (Abs(expected) * DcTestSignalTolerancePercent) / 100;
            for (var channel = 0; channel < AdsDriver.ChannelCount; channel++)
            {
                var mean = (int)(_sums[channel] / AveragedFrames);
                if (Abs(mean - expected) > tolerance)
                {
                    throw new SelfTestFailure("channel " + channel.ToString() + " reads " + mean.ToString() + ", expected " + expected.ToString() + " +/- " + tolerance.ToString());
                }
            }

            return "8 channels within " + tolerance.ToString() + " codes of " + expected.ToString();
        }

        // Discards the frames the sinc3 filter needs to settle, then sums the following ones per channel.
        private void ReadAveragedFrames(AdsDriver ads)
        {
            for (var channel = 0; channel < AdsDriver.ChannelCount; channel++)
            {
                _sums[channel] = 0;
            }

            for (var frame = 0; frame < SettlingFrames + AveragedFrames; frame++)
            {
                ads.ReadFrame(_samples, FrameTimeoutMilliseconds);
                if (frame < SettlingFrames)
                {
                    continue;
                }

                for (var channel = 0; channel < AdsDriver.ChannelCount; channel++)
                {
                    _sums[channel] += _samples[channel];
                }
            }
        }

        private string TestPattern(Ddc264Chain chain, int chips)
        {
            chain.SetTestPattern(TestPatternMode.ChannelIndex, 0);
            ReadOneFrame(chain);
            var channels = Ddc264Unpacker.Unpack(_frame, _samples);
            if (channels != chips * FifoFrameFormat.ChannelsPerChip || !_frame.TestPattern)
            {
                throw new SelfTestFailure("frame holds " + channels.ToString() + " channels, test-pattern flag " + (_frame.TestPattern ? "set" : "clear"));
            }

            for (var channel = 0; channel < channels; channel++)
            {
                if (_samples[channel] != channel)
                {
                    throw new SelfTestFailure("channel " + channel.ToString() + " carries " + _samples[channel].ToString() + ", the pattern sends " + channel.ToString());
                }
            }

            return channels.ToString() + " channels carry their index through FIFO, unpacker and chain order";
        }

        private void ReadOneFrame(Ddc264Chain chain)
        {
            var reader = _board.FifoReader;
            chain.Start();
            try
            {
                var deadline = _board.Clock.NowNanoseconds + (FrameTimeoutMilliseconds * 1000000L);
                while (!reader.TryReadFrame(_frame))
                {
                    chain.ThrowIfFaulted();
                    if (_board.Clock.NowNanoseconds > deadline)
                    {
                        throw new SelfTestFailure("no frame from the FPGA within " + FrameTimeoutMilliseconds.ToString() + " ms");
                    }

                    Thread.Sleep(1);
                }
            }
            finally
            {
                chain.Stop();
            }
        }

        private bool Check(string name, CheckBody body)
        {
            bool passed;
            string detail;
            try
            {
                detail = body();
                passed = true;
            }
            catch (SelfTestFailure failure)
            {
                detail = failure.Message;
                passed = false;
            }
            catch (Exception exception)
            {
                detail = exception.Message;
                passed = false;
            }

            _report.Add(AsciiField.Fit(name, SelfTestReport.MaxNameLength), passed, AsciiField.Fit(detail, SelfTestReport.MaxDetailLength));
            return passed;
        }

        private static string Verdict(bool passed, string detail)
        {
            if (!passed)
            {
                throw new SelfTestFailure(detail);
            }

            return detail;
        }

        private static int Abs(int value) => value < 0 ? -value : value;

        private delegate string CheckBody();

        private sealed class SelfTestFailure : Exception
        {
            public SelfTestFailure(string message)
                : base(message)
            {
            }
        }
    }
}
