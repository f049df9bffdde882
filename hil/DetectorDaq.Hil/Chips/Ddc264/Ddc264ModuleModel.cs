using DetectorDaq.Hil.Signals;

namespace DetectorDaq.Hil.Chips.Ddc264;

/// <summary>
/// The analogue behaviour of one DDC264 module (every chip of a controller's chain): the transfer
/// function of integrator side A and of side B, and the per-channel <see cref="ChannelDefects"/>
/// applied on top (indexed by module channel, chip × 64 + input).
/// </summary>
/// <param name="SideA">Transfer function of every chip's side A, in codes of the 20-bit format.</param>
/// <param name="SideB">Transfer function of every chip's side B.</param>
/// <param name="Defects">Per-channel and module-wide defects; null for none.</param>
public sealed record Ddc264ModuleModel(TransferFunction SideA, TransferFunction SideB, ChannelDefects? Defects)
{
    /// <summary>Ideal chips without defects: conversions exact up to quantisation.</summary>
    public static Ddc264ModuleModel Ideal { get; } = new(TransferFunction.Ideal, TransferFunction.Ideal, null);
}
