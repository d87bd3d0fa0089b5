using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;

namespace Coolify.Web.Tests.Support;

/// <summary>
/// The product as an operator runs it: the built Coolify.Web as its own process, with environment variables,
/// real Kestrel on a real port, stdout/stderr captured. The one place tests start processes.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    private HostProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public string Stdout { get { lock (_stdout) { return _stdout.ToString(); } } }

    public string Stderr { get { lock (_stderr) { return _stderr.ToString(); } } }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <param name="environment">Variables to set (null value: remove an inherited one).</param>
    /// <param name="urls">Listen addresses; null picks a free loopback port.</param>
    public static HostProcess Start(IReadOnlyDictionary<string, string?> environment, string? urls = null)
    {
        urls ??= $"http://127.0.0.1:{FreePort()}";
        var hostDll = typeof(Program).Assembly.Location;
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(hostDll)!,
        };
        info.ArgumentList.Add(hostDll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(urls);
        info.Environment.Remove("ASPNETCORE_URLS");
        info.Environment.Remove("COOLIFY_DATABASE_URL");
        info.Environment.Remove("COOLIFY_DATA_DIR");
        foreach (var (key, value) in environment)
        {
            if (value is null)
            {
                info.Environment.Remove(key);
            }
            else
            {
                info.Environment[key] = value;
            }
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var host = new HostProcess(process, new Uri(urls.Split(';')[0].Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal)));
        process.OutputDataReceived += (_, e) => host.Append(host._stdout, e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(host._stderr, e.Data);
#pragma warning disable RS0030 // This class is the tests' one process runner.
        process.Start();
#pragma warning restore RS0030
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Waits until <c>/api/health</c> answers, failing early if the process exits.</summary>
    public async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with {_process.ExitCode}.\nstdout:\n{Stdout}\nstderr:\n{Stderr}");
            }

            try
            {
                using var response = await client.GetAsync("/api/health", deadline.Token);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!deadline.IsCancellationRequested)
            {
                // One slow attempt; try again.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), deadline.Token);
        }
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    /// <summary>Ends the host at once (SIGKILL), as a crash or an OOM kill would: no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>Runs the host's admin command (<c>admin create-token ...</c>) against the same settings; returns what it printed.</summary>
    public static async Task<string> RunAdminAsync(IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var hostDll = typeof(Program).Assembly.Location;
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(hostDll);
        info.ArgumentList.Add("admin");
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

#pragma warning disable RS0030 // This class is the tests' one process runner.
        using var process = Process.Start(info)!;
#pragma warning restore RS0030
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"admin {string.Join(' ', arguments)} exited {process.ExitCode}: {await error}");
        }

        return (await output).Trim();
    }

    /// <summary>Asks the host to stop the way systemd and Docker do (SIGTERM).</summary>
    public void Terminate()
    {
        if (kill(_process.Id, SigTerm) != 0)
        {
            throw new InvalidOperationException($"kill({_process.Id}, SIGTERM) failed: {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>
    /// The first visitor's account, made through the onboarding form (which also adds the localhost server), and an
    /// API client with a root token for it.
    /// </summary>
    public async Task<HttpClient> RegisterAdminAsync(IReadOnlyDictionary<string, string?> environment, string email)
    {
        using (var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = BaseAddress })
        using (var registered = await browser.SubmitFormAsync("/register", "register", new Dictionary<string, string>
        {
            ["Input.Name"] = "Host Admin", ["Input.Email"] = email, ["Input.Password"] = TestAccounts.Password,
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        }

        var token = await RunAdminAsync(environment, "create-token", "--email", email, "--name", "tests", "--abilities", "root");
        return ApiClient(token);
    }

    public HttpClient ApiClient(string token)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(StringBuilder buffer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (buffer)
        {
            buffer.AppendLine(line);
        }
    }

    private const int SigTerm = 15;

#pragma warning disable SYSLIB1054 // DllImport keeps this test helper free of unsafe code.
    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);
#pragma warning restore SYSLIB1054
}
