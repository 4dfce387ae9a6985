// The statistics dashboard's charts (ECharts). The figures come from the page itself, as JSON in the
// data-charts attribute of #chart-data, so the charts agree with the numbers printed beside them and no
// inline script is needed (the Content-Security-Policy forbids it).
(function () {
  'use strict';
  function draw() {
    var holder = document.getElementById('chart-data');
    if (!holder || typeof echarts === 'undefined') {
      return;
    }
    var data = JSON.parse(holder.getAttribute('data-charts'));
    var en = document.documentElement.lang === 'en';
    var red = '#c0392b', blue = '#2f6db5', green = '#2e7d4f', amber = '#d08a00';
    var font = { fontFamily: 'inherit' };
    var charts = [];

    function chart(id, option) {
      var el = document.getElementById(id);
      if (!el) {
        return;
      }
      var c = echarts.init(el, null, { renderer: 'svg' });
      option.textStyle = font;
      option.animation = false;
      c.setOption(option);
      charts.push(c);
    }

    chart('chart-trend', {
      tooltip: { trigger: 'axis' },
      legend: { data: [en ? 'Received' : '受理', en ? 'Replied' : '办结'], top: 0 },
      grid: { left: 40, right: 16, top: 32, bottom: 28 },
      xAxis: { type: 'category', data: data.days, boundaryGap: false },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: en ? 'Received' : '受理', type: 'line', data: data.received, color: red, smooth: false, symbolSize: 5 },
        { name: en ? 'Replied' : '办结', type: 'line', data: data.replied, color: blue, smooth: false, symbolSize: 5 }
      ]
    });
    chart('chart-channels', {
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      color: [red, blue, green, amber, '#7a4fb5'],
      series: [{ type: 'pie', radius: ['38%', '68%'], data: data.channels.filter(function (c) { return c.value > 0; }), label: { formatter: '{b}\n{c}' } }]
    });
    chart('chart-categories', {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 96, right: 24, top: 8, bottom: 20 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: data.categories.map(function (c) { return c.name; }) },
      series: [{ type: 'bar', data: data.categories.map(function (c) { return c.value; }), color: red, barMaxWidth: 18 }]
    });
    chart('chart-health', {
      tooltip: { trigger: 'item', formatter: '{b}: {c}' },
      color: [green, amber, red],
      series: [{
        type: 'pie', radius: ['38%', '68%'], label: { formatter: '{b}\n{c}' },
        data: [
          { name: en ? 'On track' : '正常', value: data.health.onTrack, itemStyle: { color: green } },
          { name: en ? 'Due soon' : '临期', value: data.health.approaching, itemStyle: { color: amber } },
          { name: en ? 'Overdue' : '超期', value: data.health.overdue, itemStyle: { color: red } }
        ].filter(function (s) { return s.value > 0; })
      }]
    });
    window.addEventListener('resize', function () {
      charts.forEach(function (c) { c.resize(); });
    });
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
