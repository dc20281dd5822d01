using System.Text;

namespace Scaneo.Inference.Codecs;

/// <summary>Recognises a reply by its first bytes: servers often send wrong or generic Content-Types.</summary>
internal static class ReplySniffer
{
    public static ReplyContentKind Sniff(ReadOnlySpan<byte> body)
    {
        if (body.Length >= 4 && ((body[0] == (byte)'I' && body[1] == (byte)'I' && (body[2] == 42 || body[2] == 43) && body[3] == 0)
            || (body[0] == (byte)'M' && body[1] == (byte)'M' && body[2] == 0 && (body[3] == 42 || body[3] == 43))))
        {
            return ReplyContentKind.Tiff;
        }

        if (body.Length >= 8 && body[..8].SequenceEqual((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return ReplyContentKind.Png;
        }

        if (body.Length >= 3 && body[0] == 0xFF && body[1] == 0xD8 && body[2] == 0xFF)
        {
            return ReplyContentKind.Jpeg;
        }

        ReadOnlySpan<byte> text = SkipBomAndSpace(body);
        if (text.IsEmpty)
        {
            return ReplyContentKind.Empty;
        }

        return text[0] is (byte)'{' or (byte)'[' ? ReplyContentKind.Json : ReplyContentKind.Unknown;
    }

    /// <summary>Describes what the body looks like, for "found …" in error messages (at most ~60 printable characters).</summary>
    public static string Describe(ReadOnlySpan<byte> body)
    {
        var kind = Sniff(body);
        switch (kind)
        {
            case ReplyContentKind.Empty:
                return "an empty body";
            case ReplyContentKind.Tiff:
                return "a TIFF image";
            case ReplyContentKind.Png:
                return "a PNG image";
            case ReplyContentKind.Jpeg:
                return "a JPEG image";
        }

        ReadOnlySpan<byte> text = SkipBomAndSpace(body);
        int take = Math.Min(text.Length, 60);
        var sb = new StringBuilder();
        foreach (char ch in Encoding.UTF8.GetString(text[..take]))
        {
            sb.Append(char.IsControl(ch) ? ' ' : ch);
        }

        string start = sb.ToString();
        string what = start.StartsWith('<') ? "HTML/XML text" : kind == ReplyContentKind.Json ? "JSON" : "text";
        return $"{what} of {body.Length} bytes starting \"{start}{(text.Length > take ? "…" : string.Empty)}\"";
    }

    private static ReadOnlySpan<byte> SkipBomAndSpace(ReadOnlySpan<byte> body)
    {
        if (body.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            body = body[3..];
        }

        int i = 0;
        while (i < body.Length && body[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            i++;
        }

        return body[i..];
    }
}
