using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.IdentityModel.Tokens;
using Sleek.Workflows.Engine.Runtime;
using Sleek.Workflows.Host.Audit;
using Sleek.Workflows.Host.Auth;
using Sleek.Workflows.Host.Hardening;
using Sleek.Workflows.Host.Identity;
using Sleek.Workflows.Host.Persistence;
using Sleek.Workflows.Host.RateLimits;
using Sleek.Workflows.Marketplace.Links;

namespace Sleek.Workflows.Host.Setup;

/// <summary>Authentication (JWT bearer, API keys), policies, rate limits, audit, CORS and hardening: registrations and middleware order.</summary>
internal static class SleekSecurity
{
    /// <summary>Picks the scheme per request: an API key header means the ApiKey scheme, anything else JWT bearer.</summary>
    public const string Scheme = "Sleek";

    public static void AddSleekSecurity(this WebApplicationBuilder builder, SleekSettings settings)
    {
        var services = builder.Services;
        var auth = builder.Configuration.GetSection("Auth").Get<AuthOptions>() ?? new AuthOptions();
        var limits = builder.Configuration.GetSection("RateLimits").Get<RateLimitOptions>() ?? new RateLimitOptions();
        // Loaded now so a bad Auth:SigningKey stops start-up with its message, not the first request.
        using (var loggerFactory = new Serilog.Extensions.Logging.SerilogLoggerFactory(Serilog.Log.Logger))
        {
            var signingKey = SigningKeyProvider.Load(auth, settings, loggerFactory.CreateLogger("Sleek.Auth"));
            services.AddSingleton(new SigningKeyHolder(signingKey));
            // Capability links (a quote's link, a claim link): a key derived from the signing key, for nothing else.
            services.AddSingleton(CapabilityTokens.FromSigningKey(signingKey.Key));
            services.AddSingleton<QuoteLinks>();
        }

        services.AddSingleton(auth);
        services.AddSingleton(limits);
        services.AddSingleton<SecurityDb>();
        services.AddSingleton<IPasswordHasher<UserAccount>, PasswordHasher<UserAccount>>();
        services.AddSingleton<Accounts>();
        services.AddSingleton<TokenIssuer>();
        // Accounts' lifecycle: sessions with rotating refresh tokens, the stamp check of every token, two-factor,
        // password change and reset, and admins' changes of users (Auth/).
        services.AddSingleton<UserStates>();
        services.AddSingleton<Sessions>();
        services.AddSingleton<SignInFlow>();
        services.AddSingleton<TwoFactorChallenges>();
        services.AddSingleton<TwoFactorSecrets>();
        services.AddSingleton<TwoFactor>();
        services.AddSingleton<PasswordChange>();
        services.AddSingleton<PasswordResets>();
        services.AddHostedService(sp => sp.GetRequiredService<PasswordResets>());
        services.AddSingleton<UserLifecycle>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<IAuditLog>(sp => sp.GetRequiredService<AuditLog>());
        services.AddHostedService<AuditWriter>();
        // One decision on who may see or resume what (Auth/ResourceAccess.cs), asked by the endpoints and, for every
        // resume by token, event or task, by the engine's ResumeGate; each refusal and success is audited.
        services.AddHttpContextAccessor();
        services.AddSingleton<ResourceAccess>();
        services.AddSingleton<IResumeGuard, ResumeAccessGuard>();
        services.AddSingleton<IResumeObserver, ResumeAudit>();
        services.AddSingleton<AnonymousSessions>();
        services.AddSingleton<RateLimitCounterStore>();
        services.AddSingleton<SleekRateLimiter>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuditingAuthorizationResultHandler>();

        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "JWT bearer or API key", o => o.ForwardDefaultSelector = http =>
                ApiKeyAuthenticationHandler.Carries(http.Request) ? ApiKeyAuthenticationHandler.SchemeName : JwtBearerDefaults.AuthenticationScheme)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<SigningKeyHolder>((o, key) =>
        {
            o.MapInboundClaims = false;
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = auth.Issuer,
                ValidAudience = auth.Audience,
                IssuerSigningKey = key.Key,
                ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                ValidateIssuer = true,
                ValidateAudience = true,
                ValidateLifetime = true,
                ValidateIssuerSigningKey = true,
                RequireExpirationTime = true,
                RequireSignedTokens = true,
                ClockSkew = TimeSpan.FromSeconds(Math.Clamp(auth.ClockSkewSeconds, 0, 300)),
                NameClaimType = SleekClaims.Name,
                RoleClaimType = SleekClaims.Role,
            };
            // A well-signed token is still refused once its user changed (security stamp) or its session ended.
            o.Events = new JwtBearerEvents { OnTokenValidated = AccessTokenCheck.OnTokenValidatedAsync };
        });
        services.AddAuthorization(SleekPolicies.Configure);

        services.AddRateLimiter(o => o.OnRejected = SleekRateLimiter.OnRejectedAsync);
        services.AddOptions<RateLimiterOptions>().Configure<SleekRateLimiter>((o, limiter) => o.GlobalLimiter = limiter);

        var origins = builder.Configuration.GetSection("Cors:Origins").Get<string[]>() ?? [];
        services.AddCors(o => o.AddDefaultPolicy(policy =>
        {
            // No origins configured: no cross-origin access at all (the designer is served from the same origin).
            policy.WithOrigins(origins).AllowAnyHeader().AllowAnyMethod()
                .WithExposedHeaders("Location", "Retry-After", "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset", AnonymousSessions.HeaderName);
        }));
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = Math.Max(settings.MaxDefinitionBytes, BodySizeLimitMiddleware.DefaultLimit));
    }

    /// <summary>Order: headers, CORS, routing, the designer's static page, body caps, text that cannot be stored, who (authentication), audit of mutations, may they (authorization), how often (rate limits).</summary>
    public static void UseSleekSecurity(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseCors();
        app.UseRouting();
        // The designer's page and assets: public, and only where routing found no endpoint (see DesignerHosting).
        app.UseSleekDesigner();
        app.UseMiddleware<BodySizeLimitMiddleware>();
        // Before anything reads a header, route value, query parameter or body: a NUL or unpaired surrogate is a 400 naming the field.
        app.UseMiddleware<TextInputGuard>();
        app.UseAuthentication();
        app.UseMiddleware<AuditMiddleware>();
        app.UseAuthorization();
        app.UseRateLimiter();
    }
}
