namespace DeepNet.Application.Tests.TestData;

/// <summary>
/// Values computed independently of this repository: the course's own numpy code (dnn_app_utils_v3's
/// initialize_parameters, initialize_parameters_deep, L_model_forward, compute_cost, L_model_backward and
/// update_parameters, unchanged) run with numpy 1.24 (float64, OpenBLAS) on train_catvnoncat.h5 read by h5py.
/// The published numbers they can be checked against agree to about 1e-15 (the L-layer run's costs at iterations 0
/// and 2499, 0.7717493284237686 and 0.08843994344170189 against the course's 0.08843994344170202).
/// </summary>
internal static class NumpyReference
{
    /// <summary>
    /// The L-layer model (12288-20-7-5-1, seed 1, initialize_parameters_deep, learning rate 0.0075): the cost of every
    /// iteration 0 … 99, printed with repr.
    /// </summary>
    public static readonly double[] DeepCostsFirst100 =
    [
        0.7717493284237686, 0.6979908448967274, 0.6946636616403246, 0.6934089866424327,
        0.6928722774381246, 0.6924482606936451, 0.6921246275338615, 0.6918324190145715,
        0.691566616066325, 0.6913398557469024, 0.6910812789478384, 0.6908494344158583,
        0.6906404757015405, 0.6904082239289675, 0.6901644958082179, 0.6899295735078216,
        0.6897640751659531, 0.6895552551163426, 0.6892818171093078, 0.6890501533648665,
        0.6888438545376957, 0.6886324760521627, 0.688449841987128, 0.688167704032627,
        0.6880277156099913, 0.6877808478077956, 0.6875328803051857, 0.6873586316603654,
        0.6871007774817806, 0.6868946930620555, 0.6867295890800735, 0.686512152043265,
        0.6862226380899664, 0.6860274067412581, 0.6858487330285441, 0.6855690001913056,
        0.6853526502243892, 0.6851314492685658, 0.6849247824592711, 0.6848402473072807,
        0.6845163135370692, 0.6842912728427596, 0.6841611238219893, 0.6840320438083614,
        0.683676795465181, 0.6835102823729645, 0.683443865587471, 0.6832497611045915,
        0.6828731555676378, 0.6827584573293135, 0.6826313919012946, 0.6822648984318797,
        0.6820515346032312, 0.6818894661882268, 0.6817506882875063, 0.6816707431162758,
        0.6812312045058935, 0.6810001475854224, 0.680793511542273, 0.6805972041309972,
        0.6805193414779742, 0.6803808006962554, 0.6802720132987399, 0.6797917731125587,
        0.679664702822309, 0.6794440316992612, 0.6794956651705613, 0.6789579973579984,
        0.6787619789620859, 0.6785944881499798, 0.67841280427668, 0.6784698033537327,
        0.6779284273117515, 0.6777164555737523, 0.6775380864611799, 0.6773361929435938,
        0.6772738760143489, 0.6769975647163765, 0.6771489177635254, 0.6765170718580901,
        0.6763048669770428, 0.6760660156716463, 0.6758453774289644, 0.6756377252371696,
        0.675523154253882, 0.6756577864205211, 0.6749943132971613, 0.6748434418179546,
        0.6749265269332106, 0.6743625799389917, 0.6742617035892933, 0.6739706345329851,
        0.6739504051095577, 0.6737594507035235, 0.6742051416364467, 0.6731875142013228,
        0.6728971245183747, 0.6726641099041338, 0.6724468967902182, 0.6723877788394319,
    ];

    /// <summary>The same L-layer run for 2500 iterations: the costs the notebook prints (iterations 0, 100, …, 2400, 2499).</summary>
    public static readonly double[] DeepCostsPrinted =
    [
        0.7717493284237686, 0.6720534400822913, 0.6482632048575223, 0.6115068816101359,
        0.5670473268366109, 0.5401376634547794, 0.5279299569455262, 0.46547737717668486,
        0.3691258524959283, 0.39174697434805333, 0.31518698886006197, 0.272699844178939,
        0.23741853400268123, 0.1996012053220865, 0.18926300388463338, 0.16118854665827748,
        0.14821389662363324, 0.13777487812972947, 0.12974017549190128, 0.12122535068005208,
        0.1138206066863369, 0.10783928526254154, 0.10285466069352664, 0.1008974544526177,
        0.09287821526472391, 0.08843994344170189,
    ];

    /// <summary>np.random.seed(1); initialize_parameters_deep([12288, 20, 7, 5, 1]): W1[0, :5].</summary>
    public static readonly double[] DeepW1Row0 =
        [0.014653378640123331, -0.0055187145328023605, -0.004764689114807226, -0.009679355044279483, 0.007806926996083735];

    /// <summary>The same initialisation: W1[19, −3:], the last weights drawn for layer 1.</summary>
    public static readonly double[] DeepW1Row19Last3 = [0.019834054002018885, 0.013876182156812883, 0.006735189662709199];

    /// <summary>The same initialisation: W2[0, :3], the first weights drawn after W1's 245760.</summary>
    public static readonly double[] DeepW2Row0First3 = [0.20259018442992263, -0.3085417042876024, -0.3774661225565801];

    /// <summary>The same initialisation: W4 (1 × 5), the last matrix drawn.</summary>
    public static readonly double[] DeepW4 =
        [-0.38423553330727866, -0.019751508080455768, 0.5008105331955379, 0.8976636752163728, 0.018698163198335283];

    /// <summary>np.random.seed(1); initialize_parameters(12288, 7, 1): W1[0, :4].</summary>
    public static readonly double[] TwoLayerW1Row0First4 =
        [0.01624345363663242, -0.006117564136500754, -0.005281717522634557, -0.010729686221561705];

    /// <summary>The same initialisation: W2 (1 × 7), drawn after W1's 86016 values.</summary>
    public static readonly double[] TwoLayerW2 =
        [-0.008533065088761125, 0.026267755393225116, 0.00144462274133704, 0.02815821542661361, -4.482470369058102e-05, 0.0156583537165925, -0.0029008464298936926];

    /// <summary>
    /// The L-layer model after the course's 2500 iterations: the indices of the mislabelled test images
    /// (np.where((predict(test_x) > 0.5) != test_y)).
    /// </summary>
    public static readonly int[] DeepMislabelledTestImages = [5, 11, 13, 19, 28, 29, 34, 38, 44, 45];

    /// <summary>h5py: train_set_x[0, 0, 0, :] and train_set_x[7, 10, 20, :].</summary>
    public static readonly byte[] TrainImage0Pixel00 = [17, 31, 56];

    /// <inheritdoc cref="TrainImage0Pixel00"/>
    public static readonly byte[] TrainImage7Pixel1020 = [120, 97, 56];

    /// <summary>h5py: train_set_x.sum(), train_set_y.sum(), test_set_x.sum(), test_set_y.sum().</summary>
    public const long TrainPixelSum = 264542077;

    /// <inheritdoc cref="TrainPixelSum"/>
    public const int TrainCats = 72;

    /// <inheritdoc cref="TrainPixelSum"/>
    public const long TestPixelSum = 65969547;

    /// <inheritdoc cref="TrainPixelSum"/>
    public const int TestCats = 33;
}
