using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Scaneo.Annotations.Internal;

/// <summary>Deterministic annotation ids: the same model on the same image gives the same ids on every run.</summary>
internal static class AnnotationIds
{
    public static string For(string imagePath, string modelName, AnnotationKind kind, string label, int ordinal) =>
        For(imagePath, modelName, kind, label, ordinal.ToString(CultureInfo.InvariantCulture));

    public static string For(string imagePath, string modelName, AnnotationKind kind, string label, string discriminator)
    {
        string key = string.Join('\u001f', imagePath, modelName.ToLowerInvariant(), kind.ToString(), label.ToLowerInvariant(), discriminator);
        return Hashed("pred-", key);
    }

    /// <summary>Returns <paramref name="prefix"/> followed by the first 10 bytes of the key's SHA-256, in lower-case hex.</summary>
    public static string Hashed(string prefix, string key)
    {
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return prefix + Convert.ToHexString(hash.AsSpan(0, 10)).ToLowerInvariant();
    }
}
