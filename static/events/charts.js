/* Dashboard charts (Apache ECharts, SVG renderer). Data comes from a <script
 * type="application/json"> block rendered with Django's json_script; every chart has the
 * same numbers in a table beside it. Charts are readable without colour: every bar, slice
 * and point is labelled with its value, and series carry patterns (ECharts decals). */
(function () {
  "use strict";

  var INK = "#1f2933";
  var PALETTE = ["#1d4f91", "#0e7c7b", "#7a5195", "#d1495b", "#edae49", "#00798c", "#5f6b7a"];
  var mapLoading = null;

  function base() {
    return {
      color: PALETTE,
      animation: false,
      aria: { enabled: true, decal: { show: true } },
      textStyle: { color: INK },
      tooltip: { trigger: "item" },
    };
  }

  function funnel(data) {
    var option = base();
    option.series = [{
      type: "funnel",
      name: data.labels.postings,
      sort: "none",
      gap: 2,
      minSize: "12%",
      left: "5%",
      width: "90%",
      label: { show: true, position: "inside", color: "#fff", fontWeight: "bold",
        formatter: "{b}：{c}", textBorderColor: INK, textBorderWidth: 2 },
      data: data.funnel,
    }];
    return option;
  }

  function fields(data) {
    var rows = data.fields.slice().reverse();
    var option = base();
    option.grid = { left: 8, right: 40, top: 8, bottom: 8, containLabel: true };
    option.xAxis = { type: "value", minInterval: 1 };
    option.yAxis = { type: "category", data: rows.map(function (r) { return r.name; }) };
    option.series = [{
      type: "bar",
      name: data.labels.pairings,
      data: rows.map(function (r) { return r.value; }),
      label: { show: true, position: "right", color: INK },
    }];
    return option;
  }

  function map(data) {
    var max = data.map.reduce(function (m, r) { return Math.max(m, r.value); }, 1);
    var option = base();
    // Every region with landings is labelled with its count; patterns would only clutter it.
    option.aria = { enabled: true, decal: { show: false } };
    option.visualMap = {
      min: 0, max: max, left: 8, bottom: 8, calculable: false, text: ["" + max, "0"],
      inRange: { color: ["#e3f3f2", "#0e7c7b", "#153a6b"] },
    };
    option.series = [{
      type: "map",
      map: "china",
      name: data.labels.landings,
      roam: false,
      data: data.map,
      label: {
        show: true, color: INK, fontSize: 10,
        formatter: function (p) { return p.value > 0 ? p.name + " " + p.value : ""; },
      },
      itemStyle: { areaColor: "#f5f7fa", borderColor: "#9aa5b1" },
    }];
    return option;
  }

  function days(data) {
    var option = base();
    option.tooltip = { trigger: "axis" };
    option.legend = { top: 0 };
    option.grid = { left: 8, right: 16, top: 32, bottom: 8, containLabel: true };
    option.xAxis = { type: "category", data: data.days.map(function (r) { return r.day; }) };
    option.yAxis = { type: "value", minInterval: 1 };
    option.series = [
      { type: "bar", name: data.labels.registrations,
        data: data.days.map(function (r) { return r.count; }),
        label: { show: true, position: "top", color: INK } },
      { type: "line", name: data.labels.cumulative, symbol: "triangle", symbolSize: 9,
        lineStyle: { type: "dashed", width: 2 },
        data: data.days.map(function (r) { return r.cumulative; }),
        label: { show: true, position: "top", color: INK } },
    ];
    return option;
  }

  var BUILDERS = { funnel: funnel, fields: fields, map: map, days: days };

  function loadMap(url) {
    if (!mapLoading) {
      mapLoading = fetch(url, { credentials: "same-origin" })
        .then(function (response) { return response.json(); })
        .then(function (geo) { window.echarts.registerMap("china", geo); });
    }
    return mapLoading;
  }

  function draw(element) {
    var source = document.getElementById(element.dataset.source);
    if (!source || !window.echarts) { return; }
    var data = JSON.parse(source.textContent);
    var kind = element.dataset.chart;
    var ready = kind === "map" ? loadMap(element.dataset.mapUrl) : Promise.resolve();
    ready.then(function () {
      var existing = window.echarts.getInstanceByDom(element);
      if (existing) { existing.dispose(); }
      var chart = window.echarts.init(element, null, { renderer: "svg" });
      chart.setOption(BUILDERS[kind](data));
      element.dataset.rendered = "true";
    });
  }

  function drawAll() {
    document.querySelectorAll("[data-chart]:not([data-rendered])").forEach(draw);
  }

  function resizeAll() {
    document.querySelectorAll("[data-chart]").forEach(function (element) {
      var chart = window.echarts && window.echarts.getInstanceByDom(element);
      if (chart) { chart.resize(); }
    });
  }

  document.addEventListener("DOMContentLoaded", drawAll);
  document.addEventListener("htmx:afterSettle", drawAll);
  window.addEventListener("resize", resizeAll);
  window.addEventListener("beforeprint", resizeAll);
}());
