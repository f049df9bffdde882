using System.Globalization;
using UnitsNet;

namespace DetectorDaq.Production.Scripts;

/// <summary>UnitsNet look-ups for limits and parameters.</summary>
public static class Units
{
    /// <summary>Whether some UnitsNet quantity has a unit abbreviated <paramref name="abbreviation"/>.</summary>
    public static bool IsKnown(string abbreviation) =>
        Quantity.Infos.Any(info => UnitParser.Default.TryParse(abbreviation, info.UnitType, CultureInfo.InvariantCulture, out _));

    /// <summary>
    /// <paramref name="quantity"/> in the unit abbreviated <paramref name="abbreviation"/> of the same
    /// quantity type, or null when that quantity has no such unit (a "pC" limit on a temperature).
    /// </summary>
    public static double? TryConvert(IQuantity quantity, string abbreviation) =>
        UnitParser.Default.TryParse(abbreviation, quantity.QuantityInfo.UnitType, CultureInfo.InvariantCulture, out var unit)
            ? (double)quantity.ToUnit(unit).Value
            : null;

    /// <summary>A quantity written as its value and unit without a space, for example "150pC": how ranges are named in conditions.</summary>
    public static string Compact(IQuantity quantity) => $"{quantity.Value.ToString(CultureInfo.InvariantCulture)}{Abbreviation(quantity)}";

    /// <summary>The abbreviation of <paramref name="quantity"/>'s unit.</summary>
    public static string Abbreviation(IQuantity quantity) =>
        UnitsNetSetup.Default.UnitAbbreviations.GetDefaultAbbreviation(quantity.Unit.GetType(), Convert.ToInt32(quantity.Unit, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>Parses "20 nA" as a <typeparamref name="TQuantity"/>.</summary>
    public static bool TryParse<TQuantity>(string text, out IQuantity quantity)
        where TQuantity : IQuantity
    {
        var parsed = Quantity.TryParse(CultureInfo.InvariantCulture, typeof(TQuantity), text, out var result);
        quantity = result!;
        return parsed;
    }

    /// <summary>
    /// Parses a temperature difference such as "0.5 K" or "0.5 °C" (the same step in either unit), in kelvins;
    /// UnitsNet's own TemperatureDelta abbreviations ("0.5 ∆K") are accepted too.
    /// </summary>
    public static bool TryParseTemperatureDifference(string text, out double kelvins)
    {
        var trimmed = text.Trim();
        if (!trimmed.Contains('∆'))
        {
            foreach (var unit in new[] { "°C", "K" })
            {
                if (trimmed.EndsWith(unit, StringComparison.Ordinal))
                {
                    return double.TryParse(trimmed[..^unit.Length].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out kelvins) && kelvins >= 0;
                }
            }
        }

        return TryParseDelta(trimmed, out kelvins);
    }

    private static bool TryParseDelta(string text, out double kelvins)
    {
        var parsed = TemperatureDelta.TryParse(text, CultureInfo.InvariantCulture, out var delta);
        kelvins = parsed ? delta.Kelvins : double.NaN;
        return parsed && kelvins >= 0;
    }
}
