// Small pure helpers: client-made ids, wire times, the identity checks of GridCore ported to
// JavaScript (so a form refuses a mistyped number offline; the server stays the judge), and the
// WGS-84 ⇄ GCJ-02 transform (the phone's GPS against the grid outlines, which are GCJ-02).
"use strict";
var GG = window.GG || (window.GG = {});

GG.uuid = function () {
  if (window.crypto && crypto.randomUUID) return crypto.randomUUID().toUpperCase();
  var b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).slice(1); }).join("");
  return (h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20)).toUpperCase();
};

/// RFC 3339 without fractional seconds: the server's ISO 8601 decoder takes whole seconds only.
GG.wireTime = function (date) {
  return (date || new Date()).toISOString().replace(/\.\d{3}Z$/, "Z");
};

GG.checks = (function () {
  var PROVINCES = "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82".split(" ");
  var WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  var CHECK = "10X98765432";
  var USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  var USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

  /// Full-width digits and letters to ASCII, spaces trimmed (what IdentityInput.folded does).
  function fold(text) {
    return String(text || "").replace(/[\uFF01-\uFF5E]/g, function (c) {
      return String.fromCharCode(c.charCodeAt(0) - 0xFEE0);
    }).replace(/\u3000/g, " ").trim();
  }

  function dateExists(y, m, d) {
    var date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }

  /// GB 11643 resident ID: null when valid, else a Chinese reason (the server's order of checks).
  function residentID(text, today) {
    var v = fold(text);
    if (!v) return "请填写证件号码";
    if (v.length !== 18) return "身份证号码应为 18 位，现为 " + v.length + " 位";
    if (!/^\d{17}[\dXx]$/.test(v)) return "身份证号码前 17 位应为数字，末位为数字或 X";
    v = v.toUpperCase();
    if (PROVINCES.indexOf(v.slice(0, 2)) < 0) return "身份证号码的省份代码“" + v.slice(0, 2) + "”不存在";
    var y = +v.slice(6, 10), m = +v.slice(10, 12), d = +v.slice(12, 14);
    if (!dateExists(y, m, d)) return "身份证号码中的出生日期“" + v.slice(6, 14) + "”不存在";
    if (y < 1900) return "出生日期早于 1900 年";
    var now = today || new Date();
    if (new Date(Date.UTC(y, m - 1, d)) > now) return "出生日期晚于今天";
    var sum = 0;
    for (var i = 0; i < 17; i++) sum += (+v[i]) * WEIGHTS[i];
    var expected = CHECK[sum % 11];
    if (expected !== v[17]) return "身份证号码校验位应为 " + expected + "，现为 " + v[17] + "（请核对号码）";
    return null;
  }

  /// Mainland mobile number (+86/0086/86 prefix, spaces and dashes allowed): null when valid.
  function mobile(text) {
    var v = fold(text).replace(/[ -]/g, "");
    if (!v) return "请填写手机号码";
    if (v.indexOf("+86") === 0) v = v.slice(3);
    else if (v.indexOf("0086") === 0) v = v.slice(4);
    else if (v.indexOf("86") === 0 && v.length === 13) v = v.slice(2);
    if (!/^\d*$/.test(v)) return "手机号码只能包含数字";
    if (v.length !== 11) return "手机号码应为 11 位，现为 " + v.length + " 位";
    if (!/^1[3-9]/.test(v)) return "手机号码应以 13–19 开头";
    return null;
  }

  /// GB 32100 unified social credit code: null when valid.
  function creditCode(text) {
    var v = fold(text).toUpperCase();
    if (!v) return "请填写统一社会信用代码";
    if (v.length !== 18) return "统一社会信用代码应为 18 位，现为 " + v.length + " 位";
    var sum = 0;
    for (var i = 0; i < 17; i++) {
      var n = USCC_CHARS.indexOf(v[i]);
      if (n < 0) return "统一社会信用代码第 " + (i + 1) + " 位“" + v[i] + "”不是有效字符";
      sum += n * USCC_WEIGHTS[i];
    }
    var expected = USCC_CHARS[(31 - (sum % 31)) % 31];
    if (v[17] !== expected) return "统一社会信用代码校验位应为 " + expected + "，现为 " + v[17];
    return null;
  }

  return { fold: fold, residentID: residentID, mobile: mobile, creditCode: creditCode };
})();

GG.geo = (function () {
  // The published GCJ-02 offset (Krasovsky ellipsoid); outside China there is none.
  var A = 6378245.0, EE = 0.00669342162296594323;

  function outside(lon, lat) { return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271; }
  function tLat(x, y) {
    var r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
    r += (20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2 / 3;
    r += (20 * Math.sin(y * Math.PI) + 40 * Math.sin(y / 3 * Math.PI)) * 2 / 3;
    r += (160 * Math.sin(y / 12 * Math.PI) + 320 * Math.sin(y * Math.PI / 30)) * 2 / 3;
    return r;
  }
  function tLon(x, y) {
    var r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
    r += (20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2 / 3;
    r += (20 * Math.sin(x * Math.PI) + 40 * Math.sin(x / 3 * Math.PI)) * 2 / 3;
    r += (150 * Math.sin(x / 12 * Math.PI) + 300 * Math.sin(x / 30 * Math.PI)) * 2 / 3;
    return r;
  }
  function wgsToGcj(lon, lat) {
    if (outside(lon, lat)) return [lon, lat];
    var dLat = tLat(lon - 105, lat - 35), dLon = tLon(lon - 105, lat - 35);
    var rad = lat / 180 * Math.PI, magic = Math.sin(rad);
    magic = 1 - EE * magic * magic;
    var sq = Math.sqrt(magic);
    dLat = (dLat * 180) / ((A * (1 - EE)) / (magic * sq) * Math.PI);
    dLon = (dLon * 180) / (A / sq * Math.cos(rad) * Math.PI);
    return [lon + dLon, lat + dLat];
  }
  /// The inverse by fixed-point iteration (a few rounds reach centimetres).
  function gcjToWgs(lon, lat) {
    var x = lon, y = lat;
    for (var i = 0; i < 6; i++) {
      var g = wgsToGcj(x, y);
      x -= g[0] - lon;
      y -= g[1] - lat;
    }
    return [x, y];
  }
  /// Metres between two lon/lat points (haversine, good enough for sampling a track).
  function distance(a, b) {
    var R = 6371008.8, toRad = Math.PI / 180;
    var dLat = (b[1] - a[1]) * toRad, dLon = (b[0] - a[0]) * toRad;
    var h = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(a[1] * toRad) * Math.cos(b[1] * toRad) * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * R * Math.asin(Math.sqrt(h));
  }
  return { wgsToGcj: wgsToGcj, gcjToWgs: gcjToWgs, distance: distance };
})();
