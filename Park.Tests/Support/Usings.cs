global using Microsoft.Extensions.Configuration;
global using Park.Tests.Support;
