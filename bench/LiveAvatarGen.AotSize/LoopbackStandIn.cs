// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;

namespace LiveAvatarGen.AotSize;

/// <summary>
/// Answers every request with one canned Stripe balance, over a bare socket: ASP.NET Core would add its own
/// megabytes to the binary this app measures.
/// </summary>
internal sealed class LoopbackStandIn : IAsyncDisposable
{
    private const string Body = """{"object":"balance","livemode":false,"available":[{"amount":1200,"currency":"usd","source_types":{"card":1200}}],"pending":[]}""";

    private readonly TcpListener _listener;
    private readonly Task _serving;

    private LoopbackStandIn(TcpListener listener)
    {
        _listener = listener;
        _serving = ServeAsync();
    }

    public Uri BaseAddress => new("http://127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port + "/");

    public static LoopbackStandIn Start()
    {
        TcpListener listener = new(IPAddress.Loopback, 0);
        listener.Start();
        return new LoopbackStandIn(listener);
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        try
        {
            await _serving.ConfigureAwait(false);
        }
        catch (SocketException)
        {
            // Stopping the listener ends the pending accept.
        }
        catch (ObjectDisposedException)
        {
            // Same, on some platforms.
        }
    }

    private async Task ServeAsync()
    {
        while (true)
        {
            using TcpClient connection = await _listener.AcceptTcpClientAsync().ConfigureAwait(false);
            NetworkStream stream = connection.GetStream();
            await ReadHeadAsync(stream).ConfigureAwait(false);
            byte[] body = Encoding.UTF8.GetBytes(Body);
            byte[] head = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.Length + "\r\nConnection: close\r\n\r\n");
            await stream.WriteAsync(head).ConfigureAwait(false);
            await stream.WriteAsync(body).ConfigureAwait(false);
        }
    }

    /// <summary>Reads up to the blank line that ends the request head; GET /v1/balance sends no body.</summary>
    private static async Task ReadHeadAsync(NetworkStream stream)
    {
        byte[] buffer = new byte[8192];
        int length = 0;
        while (length < buffer.Length)
        {
            int read = await stream.ReadAsync(buffer.AsMemory(length)).ConfigureAwait(false);
            if (read == 0)
            {
                return;
            }

            length += read;
            if (buffer.AsSpan(0, length).IndexOf("\r\n\r\n"u8) >= 0)
            {
                return;
            }
        }
    }
}
