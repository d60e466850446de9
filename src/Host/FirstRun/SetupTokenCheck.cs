namespace Sleek.Workflows.Host.FirstRun;

/// <summary>What a presented setup token turned out to be.</summary>
internal enum SetupTokenCheck
{
    /// <summary>Valid, now used.</summary>
    Accepted,

    /// <summary>No such token: mistyped, cut short, or forged.</summary>
    Unknown,

    /// <summary>Its hour has passed.</summary>
    Expired,

    /// <summary>It created an admin before.</summary>
    Used,
}
