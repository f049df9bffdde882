using System;
using DetectorDaq.Firmware.Ddc264;
using DetectorDaq.Firmware.Fpga;
using DetectorDaq.Firmware.Hardware;

namespace DetectorDaq.Firmware.Controller
{
    /// <summary>
    /// The hardware of one acquisition controller: an optional ADS131M08 on the MCU's SPI bus and an
    /// optional FPGA reading a DDC264 daisy chain. The board owns the drivers and disposes them.
    /// </summary>
    public sealed class ControllerBoard : IDisposable
    {
        /// <summary>Describes the board; <paramref name="fittedDdc264Chips"/> is how many chips the chain holds (0 without FPGA).</summary>
        public ControllerBoard(BoardIdentity identity, IClock clock, ITemperatureSensor temperature, Ads131m08.Ads131m08 ads131m08, FpgaLink fpga, int fittedDdc264Chips)
        {
            if (fpga == null && fittedDdc264Chips != 0)
            {
                throw new ArgumentException("a DDC264 chain needs the FPGA", nameof(fittedDdc264Chips));
            }

            if (fittedDdc264Chips < 0 || fittedDdc264Chips > FifoFrame.MaxChips)
            {
                throw new ArgumentOutOfRangeException(nameof(fittedDdc264Chips), "a chain holds 0 to 16 chips");
            }

            Identity = identity;
            Clock = clock;
            Temperature = temperature;
            Ads131m08 = ads131m08;
            Fpga = fpga;
            FittedDdc264Chips = fittedDdc264Chips;
            if (fpga != null)
            {
                Ddc264Chain = new Ddc264Chain(fpga, clock);
                FifoReader = new FifoFrameReader(fpga, FifoFrame.MaxChips);
            }
        }

        /// <summary>Firmware and board identification.</summary>
        public BoardIdentity Identity { get; }

        /// <summary>Controller clock.</summary>
        public IClock Clock { get; }

        /// <summary>Board temperature sensor.</summary>
        public ITemperatureSensor Temperature { get; }

        /// <summary>The ADS131M08, or null when the board has none.</summary>
        public Ads131m08.Ads131m08 Ads131m08 { get; }

        /// <summary>The FPGA link, or null when the board has no FPGA.</summary>
        public FpgaLink Fpga { get; }

        /// <summary>The DDC264 chain behind the FPGA, or null.</summary>
        public Ddc264Chain Ddc264Chain { get; }

        /// <summary>Reader of the FPGA's FIFO frames, or null.</summary>
        public FifoFrameReader FifoReader { get; }

        /// <summary>DDC264 chips fitted in the chain.</summary>
        public int FittedDdc264Chips { get; }

        /// <summary>True when frames come from the DDC264 chain rather than the ADS131M08.</summary>
        public bool StreamsDdc264 => FittedDdc264Chips > 0;

        /// <inheritdoc/>
        public void Dispose()
        {
            if (Ads131m08 != null)
            {
                Ads131m08.Dispose();
            }

            if (Fpga != null)
            {
                Fpga.Dispose();
            }
        }
    }
}
