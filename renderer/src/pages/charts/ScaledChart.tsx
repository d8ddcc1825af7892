import type { EChartsOption } from 'echarts';
import { EChart } from '../../components/EChart';

/**
 * A chart laid out at its export size (CSS px) and shown scaled, so that the preview's line breaks,
 * legend and label placement are the exported file's.
 */
export function ScaledChart({ option, width, height, scale, testId }: { option: EChartsOption; width: number; height: number; scale: number; testId?: string }) {
  return (
    <div className="scaled-chart" style={{ width: width * scale, height: height * scale }}>
      <div className="scaled-chart-canvas" style={{ width, height, transform: `scale(${scale})` }}>
        <EChart option={option} height={height} testId={testId} />
      </div>
    </div>
  );
}
