using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;
using Sleek.Workflows.Host.Setup;

namespace Sleek.Workflows.Host.Auth;

/// <summary>
/// The JWT signing key: <c>Auth:SigningKey</c> (at least 32 bytes, else start-up fails naming the key), or a
/// 512-bit random key generated once into <c>&lt;Sleek:DataDirectory&gt;/signing.key</c> (mode 600). Never a
/// key written in the source.
/// </summary>
internal static class SigningKeyProvider
{
    public const int MinimumBytes = 32;
    public const string FileName = "signing.key";

    public static SymmetricSecurityKey Load(AuthOptions options, SleekSettings settings, ILogger logger)
    {
        if (!string.IsNullOrEmpty(options.SigningKey))
        {
            var bytes = Encoding.UTF8.GetBytes(options.SigningKey);
            if (bytes.Length < MinimumBytes)
            {
                throw new InvalidOperationException(
                    $"Auth:SigningKey (Auth__SigningKey) is {bytes.Length} bytes; it must be at least {MinimumBytes} bytes of random text, the same on every host. Unset it to have a key generated into the data folder.");
            }

            return new SymmetricSecurityKey(bytes) { KeyId = KeyId(bytes) };
        }

        var path = Path.Combine(settings.DataDirectory, FileName);
        var key = File.Exists(path) ? Read(path) : Generate(path, logger);
        return new SymmetricSecurityKey(key) { KeyId = KeyId(key) };
    }

    private static byte[] Read(string path)
    {
        var text = File.ReadAllText(path).Trim();
        try
        {
            var key = Convert.FromBase64String(text);
            if (key.Length >= MinimumBytes)
            {
                return key;
            }
        }
        catch (FormatException)
        {
            // Reported below.
        }

        throw new InvalidOperationException($"{Path.GetFullPath(path)} is not a base64 key of at least {MinimumBytes} bytes; delete it to have a new one generated (every issued token becomes invalid) or set Auth:SigningKey.");
    }

    private static byte[] Generate(string path, ILogger logger)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var key = RandomNumberGenerator.GetBytes(64);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var stream = new FileStream(path, options);
            using var writer = new StreamWriter(stream);
            writer.Write(Convert.ToBase64String(key));
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process wrote it first: use theirs.
            return Read(path);
        }

        logger.LogWarning("Generated a JWT signing key into {Path}; hosts sharing a database need the same key (set Auth__SigningKey)", Path.GetFullPath(path));
        return key;
    }

    private static string KeyId(byte[] key) => Convert.ToHexString(SHA256.HashData(key))[..16].ToLowerInvariant();
}
