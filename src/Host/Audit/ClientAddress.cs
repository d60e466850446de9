namespace Sleek.Workflows.Host.Audit;

/// <summary>
/// The client's IP as the connection reports it. Behind a reverse proxy set
/// <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED=true</c> (ASP.NET Core then takes it from X-Forwarded-For); the
/// header is never trusted otherwise.
/// </summary>
public static class ClientAddress
{
    /// <summary>The IP, or <c>unknown</c>.</summary>
    public static string Of(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
