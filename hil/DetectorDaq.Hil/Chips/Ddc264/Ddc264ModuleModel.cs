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

    /// <summary>
    /// The same module for acquisition <paramref name="run"/> (0, 1, …): equal chips and defects, but the noise of
    /// another, still repeatable, sequence. Chips built anew for each acquisition would otherwise replay one noise
    /// sequence in every acquisition, and noise would cancel between darks and flats as it never does on hardware.
    /// </summary>
    public Ddc264ModuleModel ForRun(int run) =>
        run == 0 ? this : this with { SideA = SideA with { Seed = unchecked((SideA.Seed * 7919) + run) }, SideB = SideB with { Seed = unchecked((SideB.Seed * 7919) + run) } };
}
