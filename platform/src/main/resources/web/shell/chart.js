// Charts: ECharts (a jar from Maven Central, served at /vendor/echarts/), imported on a page's first chart
// so pages without one never load it, and one chart per host element that follows its box's size.
let echartsModule = null;
const charts = new Map();

/** The ECharts module, imported once. */
export function echarts() {
  echartsModule ??= import('/vendor/echarts/echarts.esm.min.js');
  return echartsModule;
}

/** One chart per host element, drawn again on a new option (replacing the old) and resized with its box. */
export async function draw(host, option) {
  const { init } = await echarts();
  let chart = charts.get(host);
  if (!chart || chart.isDisposed()) {
    chart = init(host, null, { renderer: 'canvas' });
    charts.set(host, chart);
    new ResizeObserver(() => chart.resize()).observe(host);
  }
  chart.setOption({ animation: false, ...option }, true);
}
