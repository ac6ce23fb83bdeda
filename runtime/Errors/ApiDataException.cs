// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text;

namespace LiveAvatarGen.Runtime.Errors;

/// <summary>
/// Base of the exceptions about a value inside a JSON document: it carries the JSON path of the value.
/// The path is found when the exception leaves the place that started reading the document (a response body, a
/// stream item, a webhook body, a <c>JsonSerializer</c> converter), by reading the value again up to where the reader
/// stopped (<see cref="Json.JsonPaths"/>): the happy path pays nothing. A generated type's <c>ReadJson</c> called
/// directly throws it without a path; read through <see cref="Json.JsonPaths.Read{T}"/> to get one.
/// </summary>
public abstract class ApiDataException : ApiClientException
{
    private readonly List<string> _reversedSegments = new();
    private readonly string _detail;

    /// <summary>Creates the exception with a detail that does not include the path.</summary>
    protected ApiDataException(string detail, Exception? innerException)
        : base(detail, innerException)
    {
        _detail = detail;
    }

    /// <summary>The JSON path of the offending value, such as <c>$.data.credits_left</c>, or <c>$</c> for the root.</summary>
    public string JsonPath
    {
        get
        {
            StringBuilder builder = new("$");
            for (int i = _reversedSegments.Count - 1; i >= 0; i--)
            {
                builder.Append(_reversedSegments[i]);
            }

            return builder.ToString();
        }
    }

    /// <summary>The path has been found (<see cref="Json.JsonPaths.Locate"/> leaves it as it is).</summary>
    internal bool HasPath => _reversedSegments.Count > 0;

    /// <summary>The detail without the path.</summary>
    public string Detail => _detail;

    /// <inheritdoc />
    public override string Message => _reversedSegments.Count == 0 ? _detail : $"{_detail} (at {JsonPath})";

    /// <summary>Adds an object member in front of the current path. Called by <see cref="Json.JsonPaths"/>, innermost first.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public ApiDataException AtProperty(string name)
    {
        _reversedSegments.Add(IsPlainName(name) ? "." + name : "['" + name.Replace("'", "\\'") + "']");
        return this;
    }

    /// <summary>Adds an array index in front of the current path. Called by <see cref="Json.JsonPaths"/>, innermost first.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public ApiDataException AtIndex(int index)
    {
        _reversedSegments.Add("[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]");
        return this;
    }

    private static bool IsPlainName(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' or '-'))
            {
                return false;
            }
        }

        return true;
    }
}
