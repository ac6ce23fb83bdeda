// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text;

namespace LiveAvatarGen.Runtime.Http;

/// <summary>
/// A server of the spec: a URL template such as <c>https://{region}.example.com/v1</c> and the defaults of its
/// variables. The options supply a variable's value (<see cref="ApiClientOptions.GetServerVariable"/>); the default
/// applies when they do not.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ApiServer
{
    private readonly ApiServerVariable[] _variables;

    // The last resolution, kept so repeated calls with unchanged options parse no URI and share one Uri instance.
    private Resolution? _last;

    /// <summary>Describes a server.</summary>
    /// <param name="url">The URL template, absolute or relative (resolved against the document's base address).</param>
    /// <param name="variables">The template's variables with their defaults.</param>
    public ApiServer(string url, params ApiServerVariable[] variables)
    {
        Url = url ?? throw new ArgumentNullException(nameof(url));
        _variables = variables ?? Array.Empty<ApiServerVariable>();
    }

    /// <summary>The URL template as the spec writes it.</summary>
    public string Url { get; }

    /// <summary>The template's variables.</summary>
    public IReadOnlyList<ApiServerVariable> Variables => _variables;

    /// <summary>
    /// The URL with each variable replaced by the options' value or its default: absolute, or relative when the spec
    /// writes it so (the caller resolves it against the document's base address).
    /// </summary>
    /// <exception cref="InvalidOperationException">A value would change the URL's structure (a space or control character), or the result is not a URI.</exception>
    public Uri Resolve(ApiClientOptions options)
    {
        string text = Substitute(options ?? throw new ArgumentNullException(nameof(options)));
        Resolution? last = System.Threading.Volatile.Read(ref _last);
        if (last is not null && string.Equals(last.Text, text, StringComparison.Ordinal))
        {
            return last.Uri;
        }

        if (!Uri.TryCreate(text, UriKind.RelativeOrAbsolute, out Uri? uri))
        {
            throw new InvalidOperationException($"The server URL '{text}' (from '{Url}' and its variables) is not a URI.");
        }

        System.Threading.Volatile.Write(ref _last, new Resolution(text, uri));
        return uri;
    }

    /// <summary>Shows the template, never the values (the options may hold anything).</summary>
    public override string ToString() => Url;

    private string Substitute(ApiClientOptions options)
    {
        if (_variables.Length == 0)
        {
            return Url;
        }

        StringBuilder url = new(Url);
        foreach (ApiServerVariable variable in _variables)
        {
            string value = options.GetServerVariable(variable.Name) ?? variable.Default;
            foreach (char c in value)
            {
                if (char.IsWhiteSpace(c) || char.IsControl(c))
                {
                    throw new InvalidOperationException($"The value of the server variable '{variable.Name}' contains a space or control character.");
                }
            }

            url.Replace("{" + variable.Name + "}", value);
        }

        return url.ToString();
    }

    private sealed class Resolution
    {
        public Resolution(string text, Uri uri)
        {
            Text = text;
            Uri = uri;
        }

        public string Text { get; }

        public Uri Uri { get; }
    }
}

/// <summary>A variable of a server URL template.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ApiServerVariable
{
    /// <summary>Describes a variable.</summary>
    /// <param name="name">The name between braces in the template.</param>
    /// <param name="defaultValue">The spec's default, used when the options set no value.</param>
    public ApiServerVariable(string name, string defaultValue)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Default = defaultValue ?? throw new ArgumentNullException(nameof(defaultValue));
    }

    /// <summary>The name between braces in the template.</summary>
    public string Name { get; }

    /// <summary>The spec's default.</summary>
    public string Default { get; }
}
