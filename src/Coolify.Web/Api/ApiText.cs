using System.Text;

namespace Coolify.Web.Api;

/// <summary>Text fields Coolify's API takes in base64 (multi-line configurations); plain text is taken too.</summary>
public static class ApiText
{
    /// <summary>The decoded text when the whole value is base64 of UTF-8 text; otherwise the value itself.</summary>
    public static string? Base64OrText(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var buffer = new byte[value.Length];
        if (value.Length > 0 && !value.Contains('\n', StringComparison.Ordinal) && Convert.TryFromBase64String(value.Trim(), buffer, out var written))
        {
            try
            {
                return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer, 0, written);
            }
            catch (DecoderFallbackException)
            {
                return value;
            }
        }

        return value;
    }
}
