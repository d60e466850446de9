namespace Sleek.Workflows.Host.Tests.Infrastructure;

/// <summary>
/// The configuration a host needs before HttpRequest may call the fake partners (<see cref="FlakyPartner"/>,
/// <see cref="GatedPartner"/>, faked at the HTTP boundary as <c>partner.test</c>): with nothing allowed it calls nowhere.
/// </summary>
internal static class PartnerSettings
{
    /// <summary>The fake partners' host name.</summary>
    public const string Host = "partner.test";

    /// <summary><c>Http:AllowedHosts</c> = the fake partners' host.</summary>
    public static Dictionary<string, string> Allowed() => new() { ["Http:AllowedHosts"] = Host };
}
