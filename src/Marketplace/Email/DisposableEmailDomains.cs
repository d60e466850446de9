namespace Sleek.Workflows.Marketplace.Email;

/// <summary>Disposable-mail domains refused for quote requests (docs/domain.md's list); their subdomains are refused too.</summary>
public static class DisposableEmailDomains
{
    /// <summary>The blocked domains.</summary>
    public static IReadOnlySet<string> Domains { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "mailinator.com", "guerrillamail.com", "10minutemail.com", "tempmail.com", "yopmail.com", "trashmail.com",
        "throwawaymail.com", "getnada.com", "maildrop.cc", "sharklasers.com", "dispostable.com", "fakeinbox.com",
    };

    /// <summary>True when the address's domain, or a parent domain of it (x.mailinator.com), is blocked.</summary>
    public static bool IsDisposable(string email)
    {
        var at = email.LastIndexOf('@');
        var domain = (at >= 0 ? email[(at + 1)..] : email).Trim().TrimEnd('.');
        while (domain.Length > 0)
        {
            if (Domains.Contains(domain))
            {
                return true;
            }

            var dot = domain.IndexOf('.', StringComparison.Ordinal);
            if (dot < 0)
            {
                return false;
            }

            domain = domain[(dot + 1)..];
        }

        return false;
    }
}
