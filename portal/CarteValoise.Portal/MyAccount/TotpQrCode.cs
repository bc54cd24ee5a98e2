using QRCoder;

namespace CarteValoise.Portal.MyAccount;

/// <summary>The otpauth:// address as a QR code in inline SVG, for an authenticator app to scan (no image request, no script).</summary>
public static class TotpQrCode
{
    public static string Svg(string otpauthUri, string describedBy)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(otpauthUri, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(5, "#000000", "#ffffff", drawQuietZones: true, SvgQRCode.SizingMode.WidthHeightAttribute);
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        // An image with a text alternative; the secret is also written out beside it for typing.
        return svg[start..].Replace("<svg ", $"<svg role=\"img\" aria-labelledby=\"{describedBy}\" focusable=\"false\" ", StringComparison.Ordinal);
    }
}
