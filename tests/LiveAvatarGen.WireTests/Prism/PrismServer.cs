// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace LiveAvatarGen.WireTests.Prism;

/// <summary>Which responses Prism makes up.</summary>
public enum PrismMode
{
    /// <summary>Examples from the spec (or a static value built from the schema when there is none).</summary>
    Static,

    /// <summary><c>-d</c>: random values generated from the schema on every call.</summary>
    Dynamic,
}

/// <summary>One <c>prism mock</c> process on loopback; disposing kills its whole process tree.</summary>
internal sealed class PrismServer : IAsyncDisposable
{
    private const string ListeningMarker = "Prism is listening on";
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private PrismServer(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>Whether the process died (Prism crashes on some requests instead of reporting them).</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Waits at most <paramref name="timeout"/> for the process to die; true when it did.</summary>
    public async Task<bool> ExitedWithinAsync(TimeSpan timeout)
    {
        using CancellationTokenSource limit = new(timeout);
        try
        {
            await _process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Everything Prism printed so far (its own view of each request, violations included).</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public static async Task<PrismServer> StartAsync(string specPath, PrismMode mode)
    {
        int port = FreePort();
        ProcessStartInfo start = new(PrismInstall.Node!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { PrismInstall.EntryPoint(), "mock", specPath, "-h", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        if (mode == PrismMode.Dynamic)
        {
            start.ArgumentList.Add("-d");
        }

        // Colour codes would only get in the way of reading the log in test output.
        start.Environment["FORCE_COLOR"] = "0";
        start.Environment["NO_COLOR"] = "1";
        Process process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        PrismServer server = new(process, new Uri("http://127.0.0.1:" + port.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/"));
        TaskCompletionSource listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
        DataReceivedEventHandler collect = (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (server._log)
            {
                server._log.AppendLine(e.Data);
            }

            if (e.Data.Contains(ListeningMarker, StringComparison.Ordinal))
            {
                listening.TrySetResult();
            }
        };
        process.OutputDataReceived += collect;
        process.ErrorDataReceived += collect;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        Task exited = process.WaitForExitAsync();
        Task first = await Task.WhenAny(listening.Task, exited, Task.Delay(s_startTimeout)).ConfigureAwait(false);
        if (first != listening.Task)
        {
            string log = server.Log;
            await server.DisposeAsync().ConfigureAwait(false);
            throw new PrismStartException(first == exited ? "Prism exited before listening:\n" + log : "Prism did not listen within " + s_startTimeout.TotalSeconds + " s:\n" + log);
        }

        return server;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            using CancellationTokenSource timeout = new(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // The process was never started or is already gone: nothing to kill.
        }
        finally
        {
            _process.Dispose();
        }
    }

    /// <summary>A port the OS just handed out; Prism takes no port 0, so the test picks one and hands it over.</summary>
    private static int FreePort()
    {
        using TcpListener listener = new(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Prism refused to mock a spec (it never listened).</summary>
internal sealed class PrismStartException : Exception
{
    public PrismStartException(string message)
        : base(message)
    {
    }
}
