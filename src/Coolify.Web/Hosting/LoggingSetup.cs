namespace Coolify.Web.Hosting;

/// <summary>
/// Logs go to stdout: JSON lines (structured, for journald, Docker and log shippers) unless stdout is a terminal,
/// where one readable line per event is friendlier. <c>COOLIFY_LOG_FORMAT=json|simple</c> overrides.
/// </summary>
internal static class LoggingSetup
{
    public const string FormatVariable = "COOLIFY_LOG_FORMAT";

    public static void AddCoolifyLogging(this WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        var format = builder.Configuration[FormatVariable] ?? (Console.IsOutputRedirected ? "json" : "simple");
        if (string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            builder.Logging.AddJsonConsole(o =>
            {
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }
        else
        {
            builder.Logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "HH:mm:ss ";
            });
        }
    }
}
