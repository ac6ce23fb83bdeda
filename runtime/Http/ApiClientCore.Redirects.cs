// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Net.Http;
using LiveAvatarGen.Runtime.Errors;

namespace LiveAvatarGen.Runtime.Http;

/// <summary>Redirects: the runtime follows them itself, so it decides what travels to the next origin.</summary>
public sealed partial class ApiClientCore
{
    /// <summary>
    /// The next request after a 3xx, or null when this response is the one to hand to the generated handler (not a
    /// redirect, a target refused by <see cref="GetRedirect"/>, or a body that cannot be sent twice).
    /// </summary>
    private static Hop? FollowRedirect(HttpResponseMessage response, Hop hop, ApiRequest request)
    {
        if (GetRedirect(response, hop.Target) is not { } next)
        {
            return null;
        }

        // 307 and 308 repeat the method and body; 303 (and 301/302 after a POST, as browsers do) turn into GET.
        bool keepMethod = (int)response.StatusCode is 307 or 308;
        if (keepMethod && hop.IncludeBody && !request.CanResendBody)
        {
            // A body set as raw HttpContent cannot be sent twice: the 3xx goes to the handler instead.
            return null;
        }

        HttpMethod method = hop.Method;
        bool includeBody = hop.IncludeBody;
        if (!keepMethod && ((int)response.StatusCode == 303 || method == HttpMethod.Post))
        {
            method = method == HttpMethod.Head ? HttpMethod.Head : HttpMethod.Get;
            includeBody = false;
        }

        return new Hop(next, method, includeBody, hop.IncludeCredentials && SameOrigin(hop.Target, next));
    }

    /// <summary>
    /// A handler that follows redirects by itself has already re-sent every header; all that is left is to refuse
    /// the answer, loudly, when credentials may have crossed to another origin.
    /// </summary>
    private static void RefuseHandlerRedirect(HttpResponseMessage response, Uri target, bool credentialsSent)
    {
        Uri? finalUri = response.RequestMessage?.RequestUri;
        if (credentialsSent && finalUri is not null && finalUri.IsAbsoluteUri && !SameOrigin(target, finalUri))
        {
            throw new ApiRedirectException(Origin(target), Origin(finalUri));
        }
    }

    private static Uri? GetRedirect(HttpResponseMessage response, Uri current)
    {
        if ((int)response.StatusCode is not (301 or 302 or 303 or 307 or 308) || response.Headers.Location is not { } location)
        {
            return null;
        }

        if (!location.IsAbsoluteUri)
        {
            location = new Uri(current, location);
        }

        bool currentSecure = string.Equals(current.Scheme, "https", StringComparison.OrdinalIgnoreCase);
        if (!(string.Equals(location.Scheme, "https", StringComparison.OrdinalIgnoreCase) || (!currentSecure && string.Equals(location.Scheme, "http", StringComparison.OrdinalIgnoreCase))))
        {
            // Never from https to http, never to another scheme.
            return null;
        }

        return location;
    }

    private static bool SameOrigin(Uri a, Uri b)
    {
        return string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
            && a.Port == b.Port;
    }

    private static string Origin(Uri uri) => uri.GetLeftPart(UriPartial.Authority);

    /// <summary>One request of a call: where it goes and what it carries. A redirect may drop the body and credentials.</summary>
    private readonly struct Hop
    {
        public Hop(Uri target, HttpMethod method, bool includeBody, bool includeCredentials)
        {
            Target = target;
            Method = method;
            IncludeBody = includeBody;
            IncludeCredentials = includeCredentials;
        }

        public Uri Target { get; }

        public HttpMethod Method { get; }

        public bool IncludeBody { get; }

        public bool IncludeCredentials { get; }
    }
}
