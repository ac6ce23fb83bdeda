// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

System.Console.WriteLine("Hello, NativeAOT");
