using System.Globalization;
using System.Net;

namespace DetectorDaq.Host.Control;

/// <summary>Parses the <c>HOST:PORT</c> form used on the command line and in topology files.</summary>
public static class ControllerEndpoint
{
    /// <summary>Parses <paramref name="text"/>; the host may be a name or an IPv4/IPv6 literal (IPv6 in brackets).</summary>
    /// <exception cref="FormatException">Not of the form HOST:PORT with a port in 1..65535.</exception>
    public static DnsEndPoint Parse(string text)
    {
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || colon == text.Length - 1
            || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            || port is < 1 or > 65535)
        {
            throw new FormatException($"controller address '{text}' is not HOST:PORT with a port from 1 to 65535");
        }

        return new DnsEndPoint(text[..colon].Trim('[', ']'), port);
    }
}
