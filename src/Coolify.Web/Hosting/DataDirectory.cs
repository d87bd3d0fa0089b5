using Coolify.Core.Common;

namespace Coolify.Web.Hosting;

/// <summary>Checks up front that the data directory can hold the database and keys, so the failure is one clear line.</summary>
internal static class DataDirectory
{
    public static void EnsureWritable(string path)
    {
        try
        {
            if (!Directory.Exists(path) && !OperatingSystem.IsWindows())
            {
                // The database and the key ring live here: readable by the service account only.
                Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            Directory.CreateDirectory(path);

            var probe = Path.Combine(path, $".write-probe-{Environment.ProcessId}");
            File.WriteAllText(probe, string.Empty);
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new ConfigurationException(
                $"the data directory {path} is not writable ({ex.Message}); set {CoolifyOptions.DataDirectoryVariable} to a writable folder.", ex);
        }
    }
}
