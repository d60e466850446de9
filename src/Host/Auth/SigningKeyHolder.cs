using Microsoft.IdentityModel.Tokens;

namespace Sleek.Workflows.Host.Auth;

/// <summary>The signing key, loaded once at start-up (see <see cref="SigningKeyProvider"/>).</summary>
internal sealed class SigningKeyHolder(SymmetricSecurityKey key)
{
    public SymmetricSecurityKey Key { get; } = key;
}
